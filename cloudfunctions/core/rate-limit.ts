import { createHash } from 'node:crypto';
import type { ActionSpec } from '@shared/contract';
import { AppError } from '@shared/errors';
import { userTextFields } from './content';
import { DuplicateError, inc, type Doc, type Store } from './store/port';

/** Create actions and actions carrying user text, per OPENID, all counted together. */
export const RATE_LIMIT_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * One counter document per OPENID, reused window after window: no document is shared between people, so
 * counting never contends across users, and the collection stays one document per person who ever wrote.
 */
export const RATE_COUNTERS = 'rateCounters';

export interface RateCounterDoc extends Doc {
  /** The minute counted: `floor(now / 60 s)`. */
  window: number;
  count: number;
}

/**
 * Whether a request counts against its caller's minute: a create action, or one carrying user text, from a
 * caller with an OPENID. Only a signed-in caller is counted, on purpose: a call with no OPENID (a timer's
 * system action, `allow: 'system'`) is the platform's own work and must never be refused for running often,
 * and a public read carries neither a create nor text anyway.
 */
export function isCounted(spec: ActionSpec, input: unknown, openid: string | null): openid is string {
  return !!openid && (!!spec.create || userTextFields(spec.input, input).length > 0);
}

function counterId(openid: string): string {
  return `rl_${createHash('sha256').update(openid).digest('hex').slice(0, 32)}`;
}

/**
 * Counts one request against the caller's minute, or refuses it with RATE_LIMITED and the wait in words.
 * A refused request leaves the counter as it was. One conditional write while the minute lasts, two for the
 * first request of a new minute; only a person's very first request, and a refusal, also read the counter.
 */
export async function countRequest(store: Store, openid: string, now: number, limit = RATE_LIMIT_PER_MINUTE): Promise<void> {
  const id = counterId(openid);
  const window = Math.floor(now / WINDOW_MS);
  // A few rounds only: each failed one means another request of the same person changed the counter meanwhile.
  for (let round = 0; round < 3; round++) {
    if (await store.update(RATE_COUNTERS, id, { count: inc(1) }, { if: { window, count: { lt: limit } } })) return;
    if (await store.update(RATE_COUNTERS, id, { window, count: 1 }, { if: { window: { lt: window } } })) return;
    const counter = await store.get<RateCounterDoc>(RATE_COUNTERS, id);
    if (!counter) {
      if (await createCounter(store, id, window)) return;
      continue;
    }
    // Another instance whose clock runs ahead has moved on: not worth refusing anyone for.
    if (counter.window > window) return;
    if (counter.window === window && counter.count >= limit) break;
  }
  throw new AppError('RATE_LIMITED', `操作太频繁，请${Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000))}秒后再试`);
}

/** A person's first counter, unless a request of theirs running beside this one made it first. */
async function createCounter(store: Store, id: string, window: number): Promise<boolean> {
  try {
    await store.create<RateCounterDoc>(RATE_COUNTERS, { _id: id, window, count: 1 });
    return true;
  } catch (error) {
    if (error instanceof DuplicateError) return false;
    throw error;
  }
}
