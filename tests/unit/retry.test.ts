import { AppError } from '@shared/errors';
import { backoff, DeadlineError, withDeadline, withRetry, type RetryPolicy, type TxOutcome } from '../../cloudfunctions/core/store/retry';
import type { TxStore } from '../../cloudfunctions/core/store/port';

class Conflict extends Error {}
const isConflict = (e: unknown) => e instanceof Conflict;
const policy: RetryPolicy = { attempts: 4, backoffMs: 1, backoffCapMs: 2, deadlineMs: 10_000 };

describe('withRetry', () => {
  test('reruns after conflicts and reports how many runs it took', async () => {
    const outcomes: TxOutcome[] = [];
    let runs = 0;
    const result = await withRetry({ policy, isConflict, onOutcome: (o) => outcomes.push(o) }, async () => {
      if (++runs < 3) throw new Conflict();
      return 'done';
    });
    expect(result).toBe('done');
    expect(outcomes).toEqual([{ runs: 3, committed: true }]);
  });

  test('a race lost on every run is CONFLICT with a Chinese "请稍后再试", after exactly `attempts` runs', async () => {
    let runs = 0;
    const error = await withRetry({ policy, isConflict }, async () => {
      runs++;
      throw new Conflict();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toContain('请稍后再试');
    expect(runs).toBe(policy.attempts);
  });

  test('no run starts once the deadline has passed', async () => {
    let clock = 0;
    let runs = 0;
    const error = await withRetry({ policy: { ...policy, attempts: 100, deadlineMs: 50 }, isConflict, now: () => clock }, async () => {
      runs++;
      clock += 30;
      throw new Conflict();
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('CONFLICT');
    expect(runs).toBe(2);
  });

  test('an operation inside a run after the deadline stops the run, and the request hears CONFLICT', async () => {
    let clock = 0;
    const tx = { get: async () => null } as unknown as TxStore;
    const error = await withRetry({ policy, isConflict, now: () => clock }, async (deadline) => {
      const guarded = withDeadline(tx, deadline, () => clock);
      await guarded.get('c', 'a');
      clock = deadline;
      await expect(guarded.get('c', 'a')).rejects.toBeInstanceOf(DeadlineError);
      throw new DeadlineError();
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  test('any other error passes through untouched, on the first run', async () => {
    let runs = 0;
    const mine = new AppError('INVALID_STATE', '当前状态下不能进行此操作');
    await expect(withRetry({ policy, isConflict }, async () => (runs++, Promise.reject(mine)))).rejects.toBe(mine);
    expect(runs).toBe(1);
  });

  test('the back-off grows with each conflict and never exceeds its cap', () => {
    const p = { ...policy, backoffMs: 10, backoffCapMs: 40 };
    for (let i = 0; i < 200; i++) {
      expect(backoff(p, 1)).toBeLessThan(10);
      expect(backoff(p, 2)).toBeLessThan(20);
      expect(backoff(p, 9)).toBeLessThan(40);
      expect(backoff(p, 9)).toBeGreaterThanOrEqual(0);
    }
  });
});
