import { AppError } from '@shared/errors';
import type { Doc, Patch, TxStore, UpdateOptions } from './port';

/**
 * How a transaction is retried after a write conflict. One policy for every adapter, so the memory store shows
 * what CloudBase will do under the same contention.
 */
export interface RetryPolicy {
  /** Runs of the transaction at most, the first included. */
  attempts: number;
  /** The back-off ceiling after the first conflict, doubling per conflict up to `backoffCapMs`; full jitter. */
  backoffMs: number;
  backoffCapMs: number;
  /**
   * Milliseconds after the transaction began past which no new run, and no new operation in a run, starts.
   * Functions are killed at 10 s (cloudbaserc.json), and a transaction killed mid-way keeps its locks until the
   * server drops it; 6 s plus one request (the CloudBase adapter caps requests at 3 s) ends inside that limit.
   */
  deadlineMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 30, backoffMs: 10, backoffCapMs: 400, deadlineMs: 6000 };

/** What a transaction cost: runs (1 when the first one committed) and whether it committed at all. */
export interface TxOutcome {
  runs: number;
  committed: boolean;
}

/** Thrown inside a run once the deadline has passed, so the adapter rolls the run back and releases its locks. */
export class DeadlineError extends Error {
  constructor() {
    super('transaction deadline passed');
    this.name = 'DeadlineError';
  }
}

/** A lost race, told to the person in words they can act on. */
export const BUSY_MESSAGE = '同时操作的人较多，请稍后再试';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function backoff(policy: RetryPolicy, conflicts: number): number {
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffMs * 2 ** (conflicts - 1));
  return Math.random() * ceiling;
}

export interface RetryOptions {
  policy: RetryPolicy;
  isConflict(error: unknown): boolean;
  now?: () => number;
  onOutcome?: (outcome: TxOutcome) => void;
}

/**
 * Runs `run(deadline)` until it commits, retrying write conflicts with jittered exponential back-off. A run that
 * the deadline stops, or the last conflict, becomes AppError CONFLICT: the request lost a race, it is not a fault.
 */
export async function withRetry<R>(options: RetryOptions, run: (deadline: number) => Promise<R>): Promise<R> {
  const { policy, isConflict, onOutcome } = options;
  const now = options.now ?? Date.now;
  const deadline = now() + policy.deadlineMs;
  for (let runs = 1; ; runs++) {
    try {
      const result = await run(deadline);
      onOutcome?.({ runs, committed: true });
      return result;
    } catch (error) {
      const lost = error instanceof DeadlineError || isConflict(error);
      const wait = lost ? backoff(policy, runs) : 0;
      if (!lost || runs >= policy.attempts || error instanceof DeadlineError || now() + wait >= deadline) {
        onOutcome?.({ runs, committed: false });
        if (lost) throw new AppError('CONFLICT', BUSY_MESSAGE);
        throw error;
      }
      await sleep(wait);
    }
  }
}

/** The transaction view with every operation refusing to start after the deadline. */
export function withDeadline(tx: TxStore, deadline: number, now: () => number = Date.now): TxStore {
  const check = () => {
    if (now() >= deadline) throw new DeadlineError();
  };
  return {
    get: async <T extends Doc = Doc>(c: string, id: string) => (check(), tx.get<T>(c, id)),
    create: async <T extends Doc>(c: string, doc: T) => (check(), tx.create(c, doc)),
    update: async (c: string, id: string, patch: Patch, options?: UpdateOptions) => (check(), tx.update(c, id, patch, options)),
    remove: async (c: string, id: string) => (check(), tx.remove(c, id)),
  };
}
