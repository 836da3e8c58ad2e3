/**
 * The store port: the only way handlers reach the database. It is shaped after what CloudBase's document
 * database does portably: documents by `_id`, a small filter language, conditional updates on one document,
 * and transactions that touch documents by id only (CloudBase refuses `where` inside a transaction).
 */

export type Scalar = string | number | boolean | null;

/** A condition on one (dotted) field. A bare scalar means equality; null matches a missing field too. */
export type Condition =
  | Scalar
  | { in: Scalar[] }
  | { ne: Scalar }
  | { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string };

export type Filter = Record<string, Condition>;

export type SortOrder = 'asc' | 'desc';

export interface QueryOptions {
  where?: Filter;
  orderBy?: [string, SortOrder][];
  /** At most 100: CloudBase returns no more than that per call from a function. */
  limit?: number;
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Doc {
  _id: string;
}

/** `inc(1)` in a patch adds to a number field atomically. */
export class Increment {
  constructor(readonly by: number) {}
}

/** `unset()` in a patch removes the field. */
export class Unset {}

export const inc = (by: number): Increment => new Increment(by);
export const unset = (): Unset => new Unset();

/** Field path (dotted) → new value, `inc(n)` or `unset()`. */
export type Patch = Record<string, unknown>;

export interface UpdateOptions {
  /** Apply only when the document matches; `update` then tells whether it did. */
  if?: Filter;
}

/** What a transaction may do: documents by id only. */
export interface TxStore {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>;
  /** Throws DuplicateError when the `_id` or a unique key is taken. */
  create<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** False when no document has this id or it does not match `if`. */
  update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean>;
  remove(collection: string, id: string): Promise<boolean>;
}

export interface Store extends TxStore {
  query<T extends Doc = Doc>(collection: string, options?: QueryOptions): Promise<Page<T>>;
  count(collection: string, where?: Filter): Promise<number>;
  /** Runs `fn` atomically; it may be retried on a write conflict, so it must not have other side effects. */
  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R>;
}

export class DuplicateError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate key in ${collection}: ${id}`);
    this.name = 'DuplicateError';
  }
}

export const MAX_PAGE = 100;

/** Cursors are opaque to callers; both adapters page by offset, which CloudBase supports as `skip`. */
export function encodeCursor(offset: number): string {
  return `o${offset.toString(36)}`;
}

/**
 * A cursor the store did not issue. Cursors come back from clients, so this is bad input, not a fault: the router
 * answers VALIDATION. A RangeError, so code that only knows it as one still treats it as such.
 */
export class BadCursorError extends RangeError {
  constructor() {
    super('bad cursor');
    this.name = 'BadCursorError';
  }
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^o([0-9a-z]{1,10})$/.exec(cursor);
  if (!m) throw new BadCursorError();
  return parseInt(m[1], 36);
}

export function pageLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 20, MAX_PAGE));
}
