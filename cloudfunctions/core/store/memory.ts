import { createHash } from 'node:crypto';
import { applyPatch, getPath, matches } from './documents';
import {
  decodeCursor,
  DuplicateError,
  encodeCursor,
  pageLimit,
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
import { collections, indexName, type IndexSpec } from './schema';

/** A write that lost to another transaction; CloudBase answers DATABASE_TRANSACTION_CONFLICT. */
export class WriteConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';
  constructor(collection: string, id: string) {
    super(`write conflict in ${collection}: ${id}`);
    this.name = 'WriteConflictError';
  }
}

export interface MemoryStoreOptions {
  /** Overrides of the shared retry policy (retry.ts). */
  retry?: Partial<RetryPolicy>;
  /** Told how each transaction ended (the bench counts runs). */
  onTransaction?: (outcome: TxOutcome) => void;
}

/** One committed state of a document; null once removed. */
interface Version {
  seq: number;
  doc: Doc | null;
}

interface Tx {
  snapshot: number;
  /** collection → id → the document as this transaction left it (null: removed). */
  writes: Map<string, Map<string, Doc | null>>;
  locks: string[];
  aborted: boolean;
}

interface UniqueIndex {
  name: string;
  spec: IndexSpec;
  /** key → id of the document holding it in the latest committed state. */
  holders: Map<string, string>;
}

/** A patch that writes nothing; CloudBase then sends no write, so none is made here either. */
const isEmpty = (patch: Patch) => Object.keys(patch).every((k) => k === '_id');

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const lockKey = (collection: string, id: string) => `d\u0000${collection}\u0000${id}`;

/** JSON in, JSON out: documents hold what SQLite and CloudBase hold, and callers never share the stored objects. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A unique key as SQLite sees it: a null in any field means no key (NULLs are distinct in a unique index). */
function uniqueKey(index: UniqueIndex, doc: Doc): string | null {
  const values = index.spec.fields.map(([f]) => getPath(doc, f) ?? null);
  if (values.some((v) => v === null)) return null;
  return JSON.stringify(values);
}

/** SQLite's order for json_extract values: NULL, then numbers (booleans are 1/0), then text (objects as JSON). */
function rank(value: unknown): [number, number | string] {
  if (value === null || value === undefined) return [0, 0];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  if (typeof value === 'number') return [1, value];
  return [2, typeof value === 'string' ? value : JSON.stringify(value)];
}

/** SQLite compares text byte by byte in UTF-8, which is code-point order, not JavaScript's UTF-16 order. */
function compareText(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function compareValues(a: unknown, b: unknown): number {
  const [ra, va] = rank(a);
  const [rb, vb] = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof va === 'number' && typeof vb === 'number') return va - vb;
  return compareText(String(va), String(vb));
}

/**
 * An in-memory store with CloudBase's transaction semantics, for tests and the local cloud:
 *
 * - a transaction reads the snapshot taken when it began, plus its own writes;
 * - writing a document (or a unique key) that another open transaction has written, or that was committed after
 *   the snapshot, fails at once with a WriteConflictError and dooms the transaction; the shared retry policy runs
 *   it again. Reads never conflict, so two transactions can each read what the other writes (write skew);
 * - a lone write waits for the transaction holding its document to end, then applies atomically;
 * - every operation yields to the event loop first, so concurrent requests in one process interleave.
 *
 * Queries, counts, paging and unique indexes (schema.ts) behave as in the SQLite adapter.
 */
export class MemoryStore implements Store {
  /** collection → id → versions, oldest first. */
  private readonly data = new Map<string, Map<string, Version[]>>();
  private readonly uniques = new Map<string, UniqueIndex[]>();
  /** Document and unique-key locks held by open transactions. */
  private readonly locks = new Map<string, Tx>();
  private readonly open = new Set<Tx>();
  private waiters: (() => void)[] = [];
  private clock = 0;
  private readonly retry: RetryPolicy;
  private readonly onTransaction?: (outcome: TxOutcome) => void;

  constructor(options: MemoryStoreOptions = {}) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.onTransaction = options.onTransaction;
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    await turn();
    const doc = this.latest(collection, id);
    return doc ? copy(doc as T) : null;
  }

  async create<T extends Doc>(collection: string, doc: T): Promise<void> {
    await turn();
    const next = copy(doc);
    await this.whenFree(collection, doc._id, next);
    if (this.latest(collection, doc._id)) throw new DuplicateError(collection, doc._id);
    this.checkUnique(collection, next);
    this.commitOne(collection, doc._id, next);
  }

  async update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    await turn();
    for (;;) {
      await this.whenFree(collection, id, null);
      const current = this.latest(collection, id);
      if (!current || !matches(current, options?.if)) return false;
      if (isEmpty(patch)) return true;
      const next = copy({ ...applyPatch(current, patch), _id: id });
      // The new unique keys may be held by a transaction: wait for it, then decide again on what it left.
      if (this.lockedKeys(collection, next).length) {
        await this.released();
        continue;
      }
      this.checkUnique(collection, next);
      this.commitOne(collection, id, next);
      return true;
    }
  }

  async remove(collection: string, id: string): Promise<boolean> {
    await turn();
    await this.whenFree(collection, id, null);
    if (!this.latest(collection, id)) return false;
    this.commitOne(collection, id, null);
    return true;
  }

  async query<T extends Doc = Doc>(collection: string, options: QueryOptions = {}): Promise<Page<T>> {
    const limit = pageLimit(options.limit);
    const offset = decodeCursor(options.cursor);
    await turn();
    const orderBy = [...(options.orderBy ?? []), ['_id', 'asc'] as [string, 'asc']];
    const rows = this.live(collection).filter((d) => matches(d, options.where));
    rows.sort((a, b) => {
      for (const [f, dir] of orderBy) {
        const c = compareValues(getPath(a, f), getPath(b, f));
        if (c !== 0) return dir === 'desc' ? -c : c;
      }
      return 0;
    });
    const page = rows.slice(offset, offset + limit + 1);
    return { items: page.slice(0, limit).map((d) => copy(d as T)), nextCursor: page.length > limit ? encodeCursor(offset + limit) : null };
  }

  async count(collection: string, where?: Filter): Promise<number> {
    await turn();
    return this.live(collection).filter((d) => matches(d, where)).length;
  }

  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    const isConflict = (error: unknown) => error instanceof WriteConflictError;
    return withRetry({ policy: this.retry, isConflict, onOutcome: this.onTransaction }, (deadline) => this.runOnce(fn, deadline));
  }

  /**
   * A digest of every committed document, like snapshotDb for SQLite: equal before and after means nothing was
   * written. `leaveOut` names collections not to look at.
   */
  digest(leaveOut: readonly string[] = []): string {
    const hash = createHash('sha256');
    for (const collection of [...this.data.keys()].filter((c) => !leaveOut.includes(c)).sort(compareText)) {
      const docs = this.live(collection).sort((a, b) => compareText(a._id, b._id));
      if (!docs.length) continue;
      hash.update(`#${collection}`);
      for (const doc of docs) hash.update(`${doc._id}\u0000${JSON.stringify(doc)}\u0000`);
    }
    return hash.digest('hex');
  }

  // --- transactions --------------------------------------------------------------------------------------------

  private async runOnce<R>(fn: (tx: TxStore) => Promise<R>, deadline: number): Promise<R> {
    await turn();
    const tx: Tx = { snapshot: this.clock, writes: new Map(), locks: [], aborted: false };
    this.open.add(tx);
    try {
      const result = await fn(withDeadline(this.txView(tx), deadline));
      await turn();
      if (tx.aborted) throw new WriteConflictError('(transaction)', 'commit');
      this.commit(tx);
      return result;
    } finally {
      this.end(tx);
    }
  }

  private txView(tx: Tx): TxStore {
    const read = (collection: string, id: string): Doc | null => {
      const own = tx.writes.get(collection);
      if (own?.has(id)) return own.get(id) ?? null;
      return this.visible(collection, id, tx.snapshot);
    };
    const step = async () => {
      await turn();
      if (tx.aborted) throw new WriteConflictError('(transaction)', 'aborted');
    };
    return {
      get: async <T extends Doc = Doc>(collection: string, id: string) => {
        await step();
        const doc = read(collection, id);
        return doc ? copy(doc as T) : null;
      },
      create: async <T extends Doc>(collection: string, doc: T) => {
        await step();
        if (read(collection, doc._id)) throw new DuplicateError(collection, doc._id);
        this.write(tx, collection, doc._id, copy(doc));
      },
      update: async (collection: string, id: string, patch: Patch, options?: UpdateOptions) => {
        await step();
        const current = read(collection, id);
        if (!current || !matches(current, options?.if)) return false;
        if (isEmpty(patch)) return true;
        this.write(tx, collection, id, copy({ ...applyPatch(current, patch), _id: id }));
        return true;
      },
      remove: async (collection: string, id: string) => {
        await step();
        if (!read(collection, id)) return false;
        this.write(tx, collection, id, null);
        return true;
      },
    };
  }

  /** Takes the document's lock (and its unique keys') for `tx`, or fails at once with a conflict. */
  private write(tx: Tx, collection: string, id: string, doc: Doc | null): void {
    const key = lockKey(collection, id);
    const holder = this.locks.get(key);
    if ((holder && holder !== tx) || this.lastSeq(collection, id) > tx.snapshot) this.conflict(tx, collection, id);
    const keys = doc ? this.txUniqueKeys(tx, collection, doc) : [];
    for (const k of [key, ...keys]) {
      if (!this.locks.has(k)) {
        this.locks.set(k, tx);
        tx.locks.push(k);
      }
    }
    let own = tx.writes.get(collection);
    if (!own) tx.writes.set(collection, (own = new Map()));
    own.set(id, doc);
  }

  /** The unique keys `doc` would take, checked against this transaction's view: a clash seen is a DuplicateError. */
  private txUniqueKeys(tx: Tx, collection: string, doc: Doc): string[] {
    const keys: string[] = [];
    const own = tx.writes.get(collection);
    for (const index of this.uniqueIndexes(collection)) {
      const key = uniqueKey(index, doc);
      if (key === null) continue;
      const lock = `u\u0000${collection}\u0000${index.name}\u0000${key}`;
      const holder = this.locks.get(lock);
      if (holder && holder !== tx) this.conflict(tx, collection, doc._id);
      for (const [id, other] of own ?? []) {
        if (id !== doc._id && other && uniqueKey(index, other) === key) throw new DuplicateError(collection, doc._id);
      }
      const committed = index.holders.get(key);
      if (committed !== undefined && committed !== doc._id && !own?.has(committed)) {
        if (this.lastSeq(collection, committed) > tx.snapshot) this.conflict(tx, collection, doc._id);
        throw new DuplicateError(collection, doc._id);
      }
      keys.push(lock);
    }
    return keys;
  }

  private conflict(tx: Tx, collection: string, id: string): never {
    tx.aborted = true;
    this.release(tx);
    throw new WriteConflictError(collection, id);
  }

  private commit(tx: Tx): void {
    const seq = ++this.clock;
    for (const [collection, docs] of tx.writes) {
      for (const [id, doc] of docs) this.put(collection, id, doc, seq);
    }
  }

  private end(tx: Tx): void {
    this.open.delete(tx);
    this.release(tx);
  }

  private release(tx: Tx): void {
    for (const k of tx.locks) if (this.locks.get(k) === tx) this.locks.delete(k);
    tx.locks = [];
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  // --- lone writes ---------------------------------------------------------------------------------------------

  private released(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Waits until no open transaction holds the document or, for a new document, any of its unique keys. */
  private async whenFree(collection: string, id: string, doc: Doc | null): Promise<void> {
    while (this.locks.has(lockKey(collection, id)) || (doc && this.lockedKeys(collection, doc).length)) await this.released();
  }

  private lockedKeys(collection: string, doc: Doc): string[] {
    return this.uniqueIndexes(collection)
      .map((index) => {
        const key = uniqueKey(index, doc);
        return key === null ? null : `u\u0000${collection}\u0000${index.name}\u0000${key}`;
      })
      .filter((k): k is string => k !== null && this.locks.has(k));
  }

  private checkUnique(collection: string, doc: Doc): void {
    for (const index of this.uniqueIndexes(collection)) {
      const key = uniqueKey(index, doc);
      const holder = key === null ? undefined : index.holders.get(key);
      if (holder !== undefined && holder !== doc._id) throw new DuplicateError(collection, doc._id);
    }
  }

  private commitOne(collection: string, id: string, doc: Doc | null): void {
    this.put(collection, id, doc, ++this.clock);
  }

  // --- versions ------------------------------------------------------------------------------------------------

  private versions(collection: string): Map<string, Version[]> {
    let docs = this.data.get(collection);
    if (!docs) this.data.set(collection, (docs = new Map()));
    return docs;
  }

  private latest(collection: string, id: string): Doc | null {
    const list = this.data.get(collection)?.get(id);
    return list ? list[list.length - 1].doc : null;
  }

  private lastSeq(collection: string, id: string): number {
    const list = this.data.get(collection)?.get(id);
    return list ? list[list.length - 1].seq : 0;
  }

  private visible(collection: string, id: string, snapshot: number): Doc | null {
    const list = this.data.get(collection)?.get(id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i].seq <= snapshot) return list[i].doc;
    return null;
  }

  private live(collection: string): Doc[] {
    const out: Doc[] = [];
    for (const list of this.data.get(collection)?.values() ?? []) {
      const doc = list[list.length - 1].doc;
      if (doc) out.push(doc);
    }
    return out;
  }

  private put(collection: string, id: string, doc: Doc | null, seq: number): void {
    const before = this.latest(collection, id);
    for (const index of this.uniqueIndexes(collection)) {
      const old = before && uniqueKey(index, before);
      if (old && index.holders.get(old) === id) index.holders.delete(old);
      const key = doc && uniqueKey(index, doc);
      if (key) index.holders.set(key, id);
    }
    const docs = this.versions(collection);
    const list = docs.get(id) ?? [];
    list.push({ seq, doc });
    this.prune(docs, id, list);
  }

  /** Keeps only the versions an open transaction could still read. */
  private prune(docs: Map<string, Version[]>, id: string, list: Version[]): void {
    let oldest = this.clock;
    for (const tx of this.open) oldest = Math.min(oldest, tx.snapshot);
    let keepFrom = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].seq <= oldest) {
        keepFrom = i;
        break;
      }
    }
    const kept = list.slice(keepFrom);
    if (kept.length === 1 && kept[0].doc === null) docs.delete(id);
    else docs.set(id, kept);
  }

  private uniqueIndexes(collection: string): UniqueIndex[] {
    let indexes = this.uniques.get(collection);
    if (!indexes) {
      indexes = (collections()[collection] ?? [])
        .filter((spec) => spec.unique)
        .map((spec) => ({ name: indexName(collection, spec), spec, holders: new Map<string, string>() }));
      this.uniques.set(collection, indexes);
    }
    return indexes;
  }
}
