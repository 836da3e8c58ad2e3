import type { Envelope } from '@shared/errors';
import { CRON_PERIOD_MS, CRON_TRIGGER } from '../cloudfunctions/cron/schedule';
import type { CloudFunction } from '../cloudfunctions/core/router';
import type { Runtime } from '../cloudfunctions/core/runtime';
import { timerEvent } from '../cloudfunctions/core/timer';
import { TIMER_CONTEXT } from './runtime';

/**
 * Invokes the `cron` function the way CloudBase's timer does: a trigger's event and no caller. `at` runs it as
 * if the clock showed that time, for this run only.
 */
export function runCron(runtime: Runtime, cron: CloudFunction, at?: number): Promise<Envelope<unknown>> {
  const clock: Runtime = at === undefined ? runtime : { ...runtime, now: () => at };
  return cron(clock, timerEvent(CRON_TRIGGER.name, clock.now()), TIMER_CONTEXT);
}

/**
 * Runs `cron` on the trigger's period, on the wall clock's five-minute marks as CloudBase does, for as long as the
 * local cloud runs. A run still going when the next is due is not doubled up on. Only `npm start` starts this;
 * test clouds never do, so no test sees a run it did not ask for.
 */
export function startLocalTimer(runtime: Runtime, cron: CloudFunction, periodMs = CRON_PERIOD_MS): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const schedule = () => {
    timer = setTimeout(fire, periodMs - (Date.now() % periodMs));
    timer.unref();
  };
  const fire = async () => {
    schedule();
    if (running) return;
    running = true;
    try {
      report(runtime, await runCron(runtime, cron));
    } catch (error) {
      runtime.log('error', 'cron failed', { error: String(error) });
    } finally {
      running = false;
    }
  };
  schedule();
  return { stop: () => clearTimeout(timer) };
}

function report(runtime: Runtime, envelope: Envelope<unknown>) {
  if (!envelope.ok) runtime.log('error', 'cron refused', { error: envelope.error });
  else {
    const { jobs } = envelope.data as { jobs: { name: string; done: number; error?: string }[] };
    const busy = jobs.filter((j) => j.done > 0 || j.error);
    if (busy.length) runtime.log('info', 'cron', { jobs: busy });
  }
}
