/**
 * Actions declared `allow: 'system'`, through the router: they run only when nobody is signed in, the event has a
 * timer trigger's shape, and the runtime says the platform's timer sent it. Whatever a client puts in the payload,
 * it gets FORBIDDEN, and the handler never runs.
 */
import { z } from 'zod';
import { action } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import type { AuditDoc } from '../../cloudfunctions/core/audit';
import { defineFunction, type CloudEvent } from '../../cloudfunctions/core/router';
import type { Runtime } from '../../cloudfunctions/core/runtime';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { timerEvent } from '../../cloudfunctions/core/timer';

const NOW = Date.UTC(2026, 11, 1, 2, 0);
const PLATFORM_TIMER = { fromTimer: true };
/** What the runtime would vouch for, but with someone signed in: the router must still refuse. */
const TIMER_WITH_OPENID = { fromTimer: true, openid: 'staff-a' };

const contract = {
  sweep: action<{ ran: true }>()({ input: z.object({}).strict(), permission: { allow: 'system' }, summary: '系统清扫' }),
};

let ran: number;
let store: MemoryStore;
let runtime: Runtime;

const fn = defineFunction('test', contract, {
  sweep: async (_input, ctx) => {
    ran += 1;
    await ctx.store.transaction((tx) =>
      ctx.audit(tx, { communityId: 'c_a', action: 'thing.sweep', targetType: 'thing', targetId: 't_1', before: null, after: null }),
    );
    return { ran: true as const };
  },
});

beforeEach(() => {
  ran = 0;
  store = new MemoryStore();
  runtime = {
    store,
    checkText: async () => true,
    identify: (context) => (context as { openid?: string } | undefined)?.openid ?? null,
    // Stands in for the platform: only this one object, which no request can carry, is the timer's context.
    isTimer: (context) => context === PLATFORM_TIMER || context === TIMER_WITH_OPENID,
    now: () => NOW,
    log: () => undefined,
  };
});

const trigger = { ...timerEvent('every-5-minutes', NOW), action: 'sweep' };
const call = (event: CloudEvent, context: unknown): Promise<Envelope<unknown>> => fn(runtime, event, context);

test('the timer runs it, and its audit entry names the system, with no person', async () => {
  expect(await call(trigger, PLATFORM_TIMER)).toEqual({ ok: true, data: { ran: true } });
  const { items } = await store.query<AuditDoc>('audit', {});
  expect(items).toEqual([expect.objectContaining({ action: 'thing.sweep', actorRole: 'system', actorId: null })]);
});

test.each([
  ['a signed-in client', { action: 'sweep', data: {} }, { openid: 'staff-a' }],
  ['a signed-in client sending a timer-shaped event', trigger, { openid: 'staff-a' }],
  ['nobody signed in, no trigger shape', { action: 'sweep', data: {} }, {}],
  ['nobody signed in, a forged trigger shape', trigger, {}],
  ['the timer context with an OPENID', trigger, TIMER_WITH_OPENID],
  ['the timer context, but an event without the trigger fields', { action: 'sweep' }, PLATFORM_TIMER],
  ['the timer context, with a trigger name that is not a string', { ...trigger, TriggerName: 1 }, PLATFORM_TIMER],
  ['no context at all', trigger, undefined],
])('%s is FORBIDDEN and the handler never runs', async (_label, event, context) => {
  const res = await call(event as CloudEvent, context);
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '此操作仅由系统定时执行' } });
  expect(ran).toBe(0);
  expect((await store.query('audit', {})).items).toEqual([]);
});

test('a runtime that cannot tell a timer never runs a system action', async () => {
  delete runtime.isTimer;
  expect(await call(trigger, PLATFORM_TIMER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(ran).toBe(0);
});

test('the refusal comes before validation: bad data from a client is still FORBIDDEN', async () => {
  expect(await call({ action: 'sweep', data: { extra: 1 } }, { openid: 'staff-a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
