/**
 * The local cloud's timer, on jest's fake clock: it invokes the cron function as the platform's timer would, on
 * the period's marks, never two runs at once, and not after it is stopped.
 */
import type { Envelope } from '@shared/errors';
import type { CloudEvent, CloudFunction } from '../../cloudfunctions/core/router';
import type { Runtime } from '../../cloudfunctions/core/runtime';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { isTimerEvent } from '../../cloudfunctions/core/timer';
import { localRuntime, TIMER_CONTEXT } from '../../local-cloud/runtime';
import { startLocalTimer } from '../../local-cloud/timer';

const PERIOD = 5 * 60_000;
const START = Date.UTC(2026, 11, 1, 2, 3); // two minutes before a five-minute mark

let calls: { event: CloudEvent; context: unknown; now: number }[];
let runtime: Runtime;
let release: (() => void) | null;

const cron: CloudFunction = async (rt, event, context) => {
  calls.push({ event, context, now: rt.now() });
  await new Promise<void>((resolve) => (release = resolve));
  return { ok: true, data: { at: rt.now(), jobs: [] } } as Envelope<unknown>;
};

beforeEach(() => {
  jest.useFakeTimers({ now: START });
  calls = [];
  release = null;
  runtime = localRuntime(new MemoryStore(), { log: () => undefined });
});
afterEach(() => jest.useRealTimers());

test('fires on the marks with a timer event and the timer context, skips a mark while a run is still going, and stops', async () => {
  const timer = startLocalTimer(runtime, cron, PERIOD);
  await jest.advanceTimersByTimeAsync(2 * 60_000 - 1);
  expect(calls).toHaveLength(0);
  await jest.advanceTimersByTimeAsync(1);
  expect(calls).toHaveLength(1);
  expect(isTimerEvent(calls[0].event)).toBe(true);
  expect(calls[0].context).toBe(TIMER_CONTEXT);
  expect(runtime.isTimer?.(calls[0].context, calls[0].event)).toBe(true);

  // The first run has not finished: the next mark passes without a second one.
  await jest.advanceTimersByTimeAsync(PERIOD);
  expect(calls).toHaveLength(1);
  release?.();
  await jest.advanceTimersByTimeAsync(PERIOD);
  expect(calls).toHaveLength(2);
  release?.();

  timer.stop();
  await jest.advanceTimersByTimeAsync(3 * PERIOD);
  expect(calls).toHaveLength(2);
});

test('a context built for a request is never the timer context', () => {
  expect(runtime.isTimer?.({}, {})).toBe(false);
  expect(runtime.isTimer?.({ ...TIMER_CONTEXT }, {})).toBe(false);
});
