import * as tcb from '@cloudbase/node-sdk';
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import { applyPatch, checkOverlap, matches, matchesCondition, PatchError } from './documents';
import {
  decodeCursor,
  DuplicateError,
  encodeCursor,
  Increment,
  MAX_PAGE,
  pageLimit,
  Unset,
  type Condition,
  type Doc,
  type Filter,
  type Page,
  type Patch,
  type QueryOptions,
  type Store,
  type TxStore,
  type UpdateOptions,
} from './port';
import { DEFAULT_RETRY, withDeadline, withRetry, type RetryPolicy, type TxOutcome } from './retry';

/** What the adapter needs from an initialised app: `tcb.init(...)` returns one. */
export type CloudBaseApp = Pick<tcb.CloudBase, 'database'>;
type Database = ReturnType<tcb.CloudBase['database']>;
type Command = Database['command'];
type Query = ReturnType<ReturnType<Database['collection']>['where']>;

export interface CloudBaseStoreOptions {
  /** An app already made with `tcb.init(...)`; when given, the connection fields below are ignored. */
  app?: CloudBaseApp;
  /** Defaults to the function's own environment (`tcb.SYMBOL_CURRENT_ENV`). */
  env?: string | symbol;
  secretId?: string;
  secretKey?: string;
  sessionToken?: string;
  /**
   * Request timeout in ms. The SDK's own default (15 s) outlives the function (10 s), so a stuck call would be
   * killed with the function, holding a transaction's locks; 3 s lets the deadline in retry.ts hold.
   */
  timeout?: number;
  /** Overrides of the shared retry policy (retry.ts). */
  retry?: Partial<RetryPolicy>;
  /** Told how each transaction ended (the bench counts runs). */
  onTransaction?: (outcome: TxOutcome) => void;
}

export const REQUEST_TIMEOUT_MS = 3000;

/** Field paths go to the server as keys: plain dotted identifiers only, the same rule as the SQLite adapter. */
const SAFE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function checkPath(path: string): string {
  if (!SAFE_PATH.test(path) || path.split('.').includes('__proto__')) throw new TypeError(`bad field path: ${path}`);
  return path;
}

function isApp(source: CloudBaseApp | CloudBaseStoreOptions): source is CloudBaseApp {
  return typeof (source as CloudBaseApp).database === 'function';
}

// ---------------------------------------------------------------------------------------------------------------
// Errors. With the SDK's default `throwOnCode` a failed call throws `{ code, message }`; with it switched off the
// same object comes back as the result. `ok` turns the second form into the first.

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

function errorCode(error: unknown): string {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === 'string' ? code : '';
}

function errorMessage(error: unknown): string {
  const message = (error as ErrorLike | null)?.message;
  return typeof message === 'string' ? message : '';
}

function ok<R>(result: R): R {
  const code = (result as ErrorLike | null)?.code;
  if (code) {
    const error = new Error(errorMessage(result) || String(code)) as Error & { code: unknown };
    error.code = code;
    throw error;
  }
  return result;
}

/** A duplicate `_id` or unique-index clash; older stacks only say E11000 in the message. */
function isDuplicate(error: unknown): boolean {
  return errorCode(error) === 'DATABASE_DUPLICATE_WRITE' || /E11000|duplicate key/i.test(errorMessage(error));
}

function isConflict(error: unknown): boolean {
  return (
    errorCode(error) === 'DATABASE_TRANSACTION_CONFLICT' ||
    /DATABASE_TRANSACTION_CONFLICT|WriteConflict/.test(errorMessage(error))
  );
}

/** Reading a collection that was never created is an empty read, as it is on SQLite. Writes still fail loudly. */
function isMissingCollection(error: unknown): boolean {
  return (
    errorCode(error) === 'DATABASE_COLLECTION_NOT_EXIST' || errorMessage(error).includes('DATABASE_COLLECTION_NOT_EXIST')
  );
}

async function emptyIfMissing<R>(read: () => Promise<R>, empty: R): Promise<R> {
  try {
    return await read();
  } catch (error) {
    if (isMissingCollection(error)) return empty;
    throw error;
  }
}

async function mapDuplicate<R>(collection: string, id: string, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (isDuplicate(error)) throw new DuplicateError(collection, id);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Values. Both adapters store what JSON can hold: this keeps CloudBase and SQLite documents alike (no Dates turning
// into BSON dates here and strings there) and hands the SDK copies it may mutate (its serializer drops undefined
// keys in place).

function toJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/** Drops `_id` (never written) and makes values plain JSON; the `inc`/`unset` sentinels stay. */
function normalizePatch(patch: Patch): Patch {
  const out: Patch = {};
  for (const [path, change] of Object.entries(patch)) {
    if (path === '_id') continue;
    out[path] = change instanceof Increment || change instanceof Unset ? change : toJson(change);
  }
  return out;
}

/**
 * True when applying the patch to any document that matches `filter` must change it: a non-zero `inc`, or a field
 * that the filter pins to values the patch's new value (or its removal) does not satisfy — as in a claim,
 * `{ claimedBy: me }` if `{ claimedBy: null }`.
 */
function mustChange(patch: Patch, filter: Filter | undefined): boolean {
  return Object.entries(patch).some(([path, change]) => {
    if (change instanceof Increment) return change.by !== 0;
    const condition = filter?.[path];
    if (condition === undefined) return false;
    return !matchesCondition(change instanceof Unset ? undefined : change, condition);
  });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Server refusals of a patch (a path through a scalar, `$inc` on a non-number), as the port's PatchError. */
function isPatchRefusal(error: unknown): boolean {
  return /Cannot create field|Cannot apply \$inc|non-numeric type|would create a conflict/i.test(errorMessage(error));
}

async function mapWriteErrors<R>(collection: string, id: string, write: () => Promise<R>): Promise<R> {
  try {
    return await mapDuplicate(collection, id, write);
  } catch (error) {
    if (isPatchRefusal(error)) throw new PatchError(id, errorMessage(error));
    throw error;
  }
}

/**
 * The CloudBase document database behind the store port.
 *
 * - Filters become `db.command` conditions; a bare null also matches a missing field (`_.or(_.eq(null), _.exists(false))`).
 * - Paging is `orderBy(..., _id)` + `skip` + `limit`, with the port's offset cursors. A page is never asked for
 *   more than 100 rows, the most a function may read in one call; a full page of 100 is followed by a one-row
 *   probe so that rows ending exactly at the boundary give no cursor, as on SQLite.
 * - A conditional update is one atomic `where({ _id, ...if }).update(patch)`; CloudBase reports 0 updated both when
 *   nothing matched and when the patch changed nothing, so a 0 is settled by reading the document, unless the
 *   patch could not have left a matching document unchanged (then the 0 means no match, with no extra read).
 * - Reads of a collection that does not exist are empty, as on SQLite; writes to it fail (collections and their
 *   indexes are created in the console, see schema.ts).
 * - Transactions use `db.runTransaction`; inside, only single-document calls by id are possible, so `if` is checked
 *   by reading the document in the transaction. Write conflicts are retried by the shared policy in retry.ts.
 * - Patches the server refuses (see documents.ts) are refused as PatchError.
 */
export class CloudBaseStore implements Store {
  readonly db: Database;
  private readonly _: Command;
  private readonly retry: RetryPolicy;
  private readonly onTransaction?: (outcome: TxOutcome) => void;

  constructor(source: CloudBaseApp | CloudBaseStoreOptions = {}) {
    const options: CloudBaseStoreOptions = isApp(source) ? { app: source } : source;
    const app =
      options.app ??
      tcb.init(
        Object.fromEntries(
          Object.entries({
            env: options.env ?? tcb.SYMBOL_CURRENT_ENV,
            secretId: options.secretId,
            secretKey: options.secretKey,
            sessionToken: options.sessionToken,
            timeout: options.timeout ?? REQUEST_TIMEOUT_MS,
          }).filter(([, v]) => v !== undefined),
        ),
      );
    this.db = app.database();
    this._ = this.db.command;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.onTransaction = options.onTransaction;
  }

  // --- single operations -------------------------------------------------------------------------------------

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return emptyIfMissing(async () => {
      const res = ok(await this.db.collection(collection).doc(id).get());
      const data: unknown = res.data;
      const doc = Array.isArray(data) ? data[0] : data;
      return (doc ?? null) as T | null;
    }, null);
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    const data = toJson(doc);
    await mapDuplicate(collection, doc._id, async () => ok(await this.db.collection(collection).add(data)));
  }

  async update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    patch = normalizePatch(patch);
    const data = this.encodePatch(patch);
    if (!data) return this.existsMatching(await this.get(collection, id), options?.if);
    const where = this.encodeWhere([['_id', id], ...Object.entries(options?.if ?? {})]);
    const res = await mapWriteErrors(collection, id, async () =>
      ok(await this.db.collection(collection).where(where).update(data)),
    );
    if (Number(res.updated) > 0) return true;
    // 0 means "nothing matched" or "matched, but the patch changed nothing". When the patch cannot leave a
    // matching document as it was, it is the first. Otherwise read: if the document now matches and the patch is
    // a no-op on it, the update could have taken effect at this moment (a valid linearisation), so it matched.
    if (mustChange(patch, options?.if)) return false;
    const current = await this.get(collection, id);
    return this.existsMatching(current, options?.if) && deepEqual(applyPatch(current as Doc, patch), current);
  }

  async remove(collection: string, id: string): Promise<boolean> {
    return emptyIfMissing(async () => {
      const res = ok(await this.db.collection(collection).doc(id).remove());
      return Number(res.deleted) > 0;
    }, false);
  }

  // async so that a bad cursor or filter rejects the promise instead of throwing at the call.
  async query<T extends Doc = Doc>(collection: string, options: QueryOptions = {}): Promise<Page<T>> {
    const limit = pageLimit(options.limit);
    const offset = decodeCursor(options.cursor);
    const orderBy = options.orderBy ?? [];
    const where = options.where && Object.keys(options.where).length ? this.encodeWhere(Object.entries(options.where)) : null;
    return emptyIfMissing<Page<T>>(async () => {
      const coll = this.db.collection(collection);
      let q: Query = where ? coll.where(where) : coll;
      for (const [field, dir] of orderBy) q = q.orderBy(checkPath(field), dir === 'desc' ? 'desc' : 'asc');
      if (!orderBy.some(([field]) => field === '_id')) q = q.orderBy('_id', 'asc');
      // One extra row tells whether another page follows, while that stays within the 100 a call may read; a full
      // page of 100 asks the server for one row past it instead.
      const ask = Math.min(limit + 1, MAX_PAGE);
      const res = ok(await (offset > 0 ? q.skip(offset) : q).limit(ask).get());
      const rows = (res.data ?? []) as T[];
      const more = rows.length > limit || (rows.length === limit && ask === limit && (await this.rowAt(q, offset + limit)));
      return { items: rows.slice(0, limit), nextCursor: more ? encodeCursor(offset + limit) : null };
    }, { items: [], nextCursor: null });
  }

  private async rowAt(q: Query, offset: number): Promise<boolean> {
    const res = ok(await q.skip(offset).limit(1).field({ _id: true }).get());
    return ((res.data ?? []) as unknown[]).length > 0;
  }

  async count(collection: string, where?: Filter): Promise<number> {
    const encoded = where && Object.keys(where).length ? this.encodeWhere(Object.entries(where)) : null;
    return emptyIfMissing(async () => {
      const coll = this.db.collection(collection);
      const res = ok(await (encoded ? coll.where(encoded) : coll).count());
      return Number(res.total);
    }, 0);
  }

  // --- transactions --------------------------------------------------------------------------------------------

  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    // The SDK's second argument counts re-runs after the first: 0 runs `fn` once and rolls back on any error (a
    // DeadlineError included), leaving the retry policy, with the back-off the SDK lacks, to withRetry.
    return withRetry({ policy: this.retry, isConflict, onOutcome: this.onTransaction }, async (deadline) =>
      (await this.db.runTransaction((t: Transaction) => fn(withDeadline(this.txView(t), deadline)), 0)) as R,
    );
  }

  private txView(t: Transaction): TxStore {
    // A missing collection reads as empty here too, as the plain `get` does, instead of failing the transaction.
    const get = <T extends Doc = Doc>(collection: string, id: string): Promise<T | null> =>
      emptyIfMissing(async () => {
        const res = ok(await t.collection(collection).doc(id).get());
        const data: unknown = res.data;
        const doc = Array.isArray(data) ? data[0] : data;
        return (doc ?? null) as T | null;
      }, null);
    return {
      get,
      create: async <T extends Doc>(collection: string, doc: T): Promise<void> => {
        const data = toJson(doc);
        await mapDuplicate(collection, doc._id, async () => ok(await t.collection(collection).add(data)));
      },
      update: async (collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> => {
        const data = this.encodePatch(normalizePatch(patch));
        if (options?.if || !data) {
          // No `where` in a transaction: read the document here (the read is part of the transaction) and decide.
          const current = await get(collection, id);
          if (!this.existsMatching(current, options?.if)) return false;
          if (!data) return true;
          applyPatch(current as Doc, normalizePatch(patch)); // refuses here what the server would refuse
          await mapWriteErrors(collection, id, async () => ok(await t.collection(collection).doc(id).update(data)));
          return true;
        }
        const res = await mapWriteErrors(collection, id, async () => ok(await t.collection(collection).doc(id).update(data)));
        if (Number(res.updated) > 0) return true;
        // 0 updated: missing, or a patch that changed nothing.
        return !mustChange(normalizePatch(patch), undefined) && (await get(collection, id)) !== null;
      },
      remove: async (collection: string, id: string): Promise<boolean> => {
        const res = ok(await t.collection(collection).doc(id).remove());
        return Number(res.deleted) > 0;
      },
    };
  }

  // --- encoding ------------------------------------------------------------------------------------------------

  private existsMatching(doc: Doc | null, filter: Filter | undefined): boolean {
    return doc !== null && matches(doc, filter);
  }

  /**
   * A patch as an update object: `inc` → `_.inc`, `unset` → `_.remove()`, anything else through `_.set` so an
   * object value replaces the field instead of being merged key by key (the SDK flattens plain objects into dotted
   * `$set`s). Takes a normalised patch. Null when nothing is left to write.
   */
  private encodePatch(patch: Patch): Record<string, unknown> | null {
    const _ = this._;
    const data: Record<string, unknown> = {};
    checkOverlap(Object.keys(patch));
    for (const [path, change] of Object.entries(patch)) {
      checkPath(path);
      if (change instanceof Increment) data[path] = _.inc(change.by);
      else if (change instanceof Unset) data[path] = _.remove();
      else data[path] = _.set(change);
    }
    return Object.keys(data).length ? data : null;
  }

  /**
   * Conditions on several fields. Each field's condition may encode to a top-level `$or`/`$and`; the SDK merges
   * two such keys by concatenating their arrays, which would turn two `$or`s into one. So as soon as more than one
   * field needs a logical operator (or a field repeats), the clauses are joined with an explicit `_.and`.
   */
  private encodeWhere(entries: [string, Condition][]): object {
    const clauses = entries.map(([path, condition]) => ({ path: checkPath(path), ...this.encodeCondition(condition) }));
    const logical = clauses.filter((c) => c.logical).length;
    const distinct = new Set(clauses.map((c) => c.path)).size === clauses.length;
    if (logical <= 1 && distinct) return Object.fromEntries(clauses.map((c) => [c.path, c.value]));
    return this._.and(clauses.map((c) => ({ [c.path]: c.value })));
  }

  private encodeCondition(condition: Condition): { value: unknown; logical: boolean } {
    const _ = this._;
    const isNull = () => ({ value: _.or(_.eq(null), _.exists(false)), logical: true });
    if (condition === null) return isNull();
    if (typeof condition !== 'object') return { value: condition, logical: false };
    if ('in' in condition) {
      const values = condition.in.filter((v) => v !== null);
      if (values.length === condition.in.length) return { value: _.in(values), logical: false };
      if (!values.length) return isNull();
      return { value: _.or(_.in(values), _.eq(null), _.exists(false)), logical: true };
    }
    if ('ne' in condition) {
      if (condition.ne === null) return { value: _.and(_.neq(null), _.exists(true)), logical: true };
      return { value: _.neq(condition.ne), logical: false };
    }
    const bounds = [
      condition.gt !== undefined && _.gt(condition.gt),
      condition.gte !== undefined && _.gte(condition.gte),
      condition.lt !== undefined && _.lt(condition.lt),
      condition.lte !== undefined && _.lte(condition.lte),
    ].filter((b) => b !== false);
    if (!bounds.length) throw new TypeError('unknown condition');
    if (bounds.length === 1) return { value: bounds[0], logical: false };
    return { value: _.and(bounds), logical: true };
  }
}
