import { createHash } from 'node:crypto';
import { requestKey as requestKeySchema, type ActionSpec } from '@shared/contract';
import { AppError } from '@shared/errors';
import { DuplicateError, type Doc, type Filter, type Patch, type QueryOptions, type Store, type TxStore, type UpdateOptions } from './store/port';

/**
 * Request keys: a phone on a weak network sends a form, loses the answer, and sends it again. A create action
 * (`create: true` in the contract) takes a client-made `requestKey`; the same key from the same caller gets the
 * first answer back and writes nothing more.
 *
 * The key's record is created inside the handler's own transaction, so it exists exactly when the record it
 * guards does: a request that dies before its commit leaves nothing and its retry simply runs, and two requests
 * racing with one key cannot both commit (the record's id is unique). The answer is added to the record after
 * the handler returns.
 */
export const REQUEST_KEYS = 'requestKeys';

/**
 * Longer than any invocation can run (functions time out after 10 s): a record still unanswered after this
 * belongs to a request that died between its commit and its answer.
 */
export const UNANSWERED_AFTER_MS = 30_000;

/** How long a retry waits for a first request still running, step by step (about 3.5 s in all). */
const WAIT_STEPS_MS = [25, 50, 100, 200, 400, 800, 1000, 1000];

const KEY_FIELD = 'requestKey';

export interface RequestKeyDoc extends Doc {
  action: string;
  at: number;
  answered: boolean;
  result: unknown;
  /** The handler committed, then failed before it could answer. */
  failed?: boolean;
}

/** Takes `requestKey` out of a create action's data, checking its shape; other actions' data is left alone. */
export function takeRequestKey(spec: ActionSpec, data: unknown): { requestKey: string | null; data: unknown } {
  if (!spec.create || !data || typeof data !== 'object' || Array.isArray(data) || !(KEY_FIELD in data)) return { requestKey: null, data };
  const { [KEY_FIELD]: raw, ...rest } = data as Record<string, unknown>;
  if (raw === undefined) return { requestKey: null, data: rest };
  const parsed = requestKeySchema().safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '提交编号格式不正确';
    throw new AppError('VALIDATION', message, { [KEY_FIELD]: message });
  }
  return { requestKey: parsed.data, data: rest };
}

/** Hashed, so that neither the OPENID nor the client's string ends up in an id. */
function recordId(openid: string, action: string, key: string): string {
  return `rk_${createHash('sha256').update(`${openid}\n${action}\n${key}`).digest('hex').slice(0, 40)}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface KeyedRequest {
  /** The first request's result, when this one repeats it. */
  replay: { result: unknown } | null;
  /** The store to give the handler: its first transaction also creates the key's record. */
  store: Store;
  /** Runs the handler; records its answer, or answers like the first request when a twin beat it. */
  run<R>(handler: () => Promise<R>): Promise<R>;
}

/** Looks the key up (one read); a repeat of an answered request is a replay. */
export async function openRequestKey(
  store: Store,
  request: { openid: string; action: string; key: string; now: () => number },
): Promise<KeyedRequest> {
  const id = recordId(request.openid, request.action, request.key);
  const keyed = new KeyedStore(store, { _id: id, action: request.action, at: request.now(), answered: false, result: null });
  const earlier = await settled(store, id, request.now);
  return {
    replay: earlier,
    store: keyed,
    async run(handler) {
      let result: Awaited<ReturnType<typeof handler>>;
      try {
        result = await handler();
      } catch (error) {
        if (keyed.committed) {
          await keyed.fail();
          throw error;
        }
        // A twin with the same key may have committed first; then this one's refusal (a duplicate key, or a rule
        // the twin's record now breaks) is not the answer, the twin's result is.
        const twin = await settled(store, id, request.now);
        if (twin) return twin.result as typeof result;
        throw error;
      }
      // The record is made, so this caller hears of it even if noting the answer fails: a retry is then told
      // that the submission was saved, which is true, instead of getting the result itself.
      await keyed.answer(result).catch(() => undefined);
      return result;
    },
  };
}

/**
 * The answer recorded for this key, waiting a little while a first request is still running; null when no
 * request with this key has committed. A record left unanswered is refused with a CONFLICT in words, never run
 * again: its record was written.
 */
async function settled(store: Store, id: string, now: () => number): Promise<{ result: unknown } | null> {
  for (let step = 0; ; step++) {
    const doc = await store.get<RequestKeyDoc>(REQUEST_KEYS, id);
    if (!doc) return null;
    if (doc.answered) return { result: doc.result };
    if (doc.failed || now() - doc.at >= UNANSWERED_AFTER_MS) throw new AppError('CONFLICT', '这次提交已经保存，请刷新后查看');
    if (step >= WAIT_STEPS_MS.length) throw new AppError('CONFLICT', '上一次提交还在处理，请稍后刷新查看');
    await sleep(WAIT_STEPS_MS[step]);
  }
}

/**
 * The handler's store, with the key's record added to its first transaction that commits. A create handler
 * writes its record in one transaction; one that writes none gets its key recorded after it returns.
 */
class KeyedStore implements Store {
  committed = false;

  constructor(
    private readonly inner: Store,
    private readonly record: RequestKeyDoc,
  ) {}

  async transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    if (this.committed) return this.inner.transaction(fn);
    const result = await this.inner.transaction(async (tx) => {
      // First, so that a twin fails before doing any of the work.
      await tx.create(REQUEST_KEYS, { ...this.record });
      return fn(tx);
    });
    this.committed = true;
    return result;
  }

  async answer(result: unknown): Promise<void> {
    const patch = { answered: true, result: result ?? null };
    if (this.committed) {
      await this.inner.update(REQUEST_KEYS, this.record._id, patch);
      return;
    }
    try {
      await this.inner.create(REQUEST_KEYS, { ...this.record, ...patch });
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error;
    }
  }

  /** Best effort: the error that got here is what the caller must hear about. */
  async fail(): Promise<void> {
    await this.inner.update(REQUEST_KEYS, this.record._id, { failed: true }).catch(() => false);
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.inner.get<T>(collection, id);
  }
  create<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.inner.create(collection, doc);
  }
  update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    return this.inner.update(collection, id, patch, options);
  }
  remove(collection: string, id: string): Promise<boolean> {
    return this.inner.remove(collection, id);
  }
  query<T extends Doc = Doc>(collection: string, options?: QueryOptions) {
    return this.inner.query<T>(collection, options);
  }
  count(collection: string, where?: Filter): Promise<number> {
    return this.inner.count(collection, where);
  }
}

/** How long a request key is kept: far longer than any client retries a submission. */
export const REQUEST_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Removes up to `max` keys older than a day, oldest first (by the `at` index); returns how many went. */
export async function sweepRequestKeys(store: Store, now: number, max: number): Promise<number> {
  const old = await store.query<RequestKeyDoc>(REQUEST_KEYS, {
    where: { at: { lt: now - REQUEST_KEY_TTL_MS } },
    orderBy: [['at', 'asc']],
    limit: max,
  });
  let removed = 0;
  for (const key of old.items) if (await store.remove(REQUEST_KEYS, key._id)) removed += 1;
  return removed;
}
