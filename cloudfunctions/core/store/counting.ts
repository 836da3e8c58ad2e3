import type { Doc, Filter, Page, Patch, QueryOptions, Store, TxStore, UpdateOptions } from './port';

export interface OpCount {
  reads: number;
  writes: number;
}

/**
 * Counts database operations, because CloudBase bills per operation. One wrapper per request; the router
 * hands the totals to whoever listens (the bench).
 */
export class CountingStore implements Store {
  readonly ops: OpCount = { reads: 0, writes: 0 };

  constructor(private readonly inner: Store) {}

  get<T extends Doc = Doc>(c: string, id: string): Promise<T | null> {
    this.ops.reads++;
    return this.inner.get<T>(c, id);
  }
  create<T extends Doc>(c: string, doc: T): Promise<void> {
    this.ops.writes++;
    return this.inner.create(c, doc);
  }
  update(c: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    this.ops.writes++;
    return this.inner.update(c, id, patch, options);
  }
  remove(c: string, id: string): Promise<boolean> {
    this.ops.writes++;
    return this.inner.remove(c, id);
  }
  query<T extends Doc = Doc>(c: string, options?: QueryOptions): Promise<Page<T>> {
    this.ops.reads++;
    return this.inner.query<T>(c, options);
  }
  count(c: string, where?: Filter): Promise<number> {
    this.ops.reads++;
    return this.inner.count(c, where);
  }
  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    return this.inner.transaction((tx) => fn(this.countTx(tx)));
  }

  private countTx(tx: TxStore): TxStore {
    return {
      get: <T extends Doc = Doc>(c: string, id: string) => {
        this.ops.reads++;
        return tx.get<T>(c, id);
      },
      create: (c, doc) => {
        this.ops.writes++;
        return tx.create(c, doc);
      },
      update: (c, id, patch, options) => {
        this.ops.writes++;
        return tx.update(c, id, patch, options);
      },
      remove: (c, id) => {
        this.ops.writes++;
        return tx.remove(c, id);
      },
    };
  }
}
