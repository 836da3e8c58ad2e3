/**
 * `ctx.afterCommit` in the router: work a handler leaves for after its transactions (notifications' delivery) runs
 * once the handler has returned and before the answer goes back; a failure is logged and the answer stands; a
 * handler that fails leaves nothing to run.
 */
import { z } from 'zod';
import { action } from '@shared/contract';
import { AppError } from '@shared/errors';
import { defineFunction } from '../../cloudfunctions/core/router';
import type { Runtime } from '../../cloudfunctions/core/runtime';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';

const testContract = {
  write: action<{ written: true }>()({
    input: z.object({ fail: z.enum(['no', 'handler', 'afterwards']) }).strict(),
    permission: { allow: 'user' },
    summary: '写入后再做一件事',
  }),
};

let store: MemoryStore;
let logs: { message: string; detail?: Record<string, unknown> }[];
let order: string[];

const runtime = (): Runtime => ({
  store,
  checkText: async () => true,
  identify: () => 'o_tester',
  now: () => 1_000,
  log: (_level, message, detail) => logs.push({ message, detail }),
});

const fn = defineFunction('test', testContract, {
  write: async (input, ctx) => {
    await ctx.store.transaction(async (tx) => tx.create('files', { _id: 'f_1' }));
    ctx.afterCommit?.(async () => {
      order.push(`afterwards saw ${(await ctx.store.get('files', 'f_1')) ? 'the commit' : 'nothing'}`);
      if (input.fail === 'afterwards') throw new Error('delivery failed');
    });
    ctx.afterCommit?.(async () => void order.push('second'));
    if (input.fail === 'handler') throw new AppError('INVALID_STATE', '不行');
    order.push('handler returned');
    return { written: true as const };
  },
});

beforeEach(() => {
  store = new MemoryStore();
  logs = [];
  order = [];
});

test('runs after the handler has returned, on what it committed, in the order it was asked for', async () => {
  expect(await fn(runtime(), { action: 'write', data: { fail: 'no' } }, {})).toEqual({ ok: true, data: { written: true } });
  expect(order).toEqual(['handler returned', 'afterwards saw the commit', 'second']);
});

test('a failure afterwards is logged, the rest still runs, and the answer stands', async () => {
  expect(await fn(runtime(), { action: 'write', data: { fail: 'afterwards' } }, {})).toEqual({ ok: true, data: { written: true } });
  expect(order).toEqual(['handler returned', 'afterwards saw the commit', 'second']);
  expect(logs).toEqual([{ message: 'after-commit work failed', detail: expect.objectContaining({ error: 'delivery failed' }) }]);
});

test('a handler that fails leaves nothing to run', async () => {
  const answer = await fn(runtime(), { action: 'write', data: { fail: 'handler' } }, {});
  expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect(order).toEqual([]);
});
