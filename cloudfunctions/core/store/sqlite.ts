import Database from 'better-sqlite3';
import { applyPatch, matches } from './documents';
import {
  decodeCursor,
  DuplicateError,
  encodeCursor,
  pageLimit,
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
import { collections, indexName, type IndexSpec } from './schema';

type Row = { doc: string };

/** Collection and field names go into SQL text, so they must be plain identifiers. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function table(collection: string): string {
  if (!SAFE_NAME.test(collection)) throw new TypeError(`bad collection name: ${collection}`);
  return `"c_${collection}"`;
}

function field(path: string): string {
  if (path === '_id') return '_id';
  if (!SAFE_PATH.test(path)) throw new TypeError(`bad field path: ${path}`);
  return `json_extract(doc, '$.${path}')`;
}

/** json_extract gives booleans back as 1/0. */
function bind(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function whereClause(filter: Filter | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [path, c] of Object.entries(filter ?? {})) {
    const f = field(path);
    appendCondition(f, c, parts, params);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function appendCondition(f: string, c: Condition, parts: string[], params: unknown[]): void {
  if (c === null) parts.push(`${f} IS NULL`);
  else if (typeof c !== 'object') {
    parts.push(`${f} = ?`);
    params.push(bind(c));
  } else if ('in' in c) {
    if (c.in.length === 0) parts.push('0');
    else {
      const nonNull = c.in.filter((v) => v !== null);
      const alts = nonNull.length ? [`${f} IN (${nonNull.map(() => '?').join(',')})`] : [];
      if (nonNull.length < c.in.length) alts.push(`${f} IS NULL`);
      parts.push(`(${alts.join(' OR ')})`);
      params.push(...nonNull.map(bind));
    }
  } else if ('ne' in c) {
    parts.push(`${f} IS NOT ?`);
    params.push(bind(c.ne));
  } else {
    const ops: [keyof typeof c, string][] = [['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<=']];
    for (const [key, op] of ops) {
      if (c[key] !== undefined) {
        parts.push(`${f} ${op} ?`);
        params.push(c[key]);
      }
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The embedded store for local runs and tests. better-sqlite3 is synchronous, so each single operation is
 * atomic within this process; a transaction holds a lock across its awaits so that no other request's
 * statement lands inside it.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly ready = new Set<string>();
  /** Statements by their SQL text: preparing is a large share of a small query's cost. */
  private readonly statements = new Map<string, Database.Statement>();
  private lock: Promise<void> = Promise.resolve();
  private txOpen = false;

  private readonly indexes: Record<string, IndexSpec[]>;

  constructor(path = ':memory:') {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives a crash or Ctrl-C, as the local cloud promises.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.indexes = collections();
    for (const collection of Object.keys(this.indexes)) this.ensure(collection);
  }

  close(): void {
    this.db.close();
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.outside(() => this.getNow<T>(collection, id));
  }

  create<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.outside(() => this.createNow(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    // IMMEDIATE: the read-check-write must hold the write lock from the read on, or another connection's commit
    // in between fails the write with SQLITE_BUSY_SNAPSHOT.
    return this.outside(() => this.db.transaction(() => this.updateNow(collection, id, patch, options)).immediate());
  }

  remove(collection: string, id: string): Promise<boolean> {
    return this.outside(() => this.removeNow(collection, id));
  }

  query<T extends Doc = Doc>(collection: string, options: QueryOptions = {}): Promise<Page<T>> {
    return this.outside(() => this.queryNow<T>(collection, options));
  }

  count(collection: string, where?: Filter): Promise<number> {
    return this.outside(() => {
      this.ensure(collection);
      const { sql, params } = whereClause(where);
      return (this.prepare(`SELECT COUNT(*) AS n FROM ${table(collection)} ${sql}`).get(...params) as { n: number }).n;
    });
  }

  async transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    while (this.txOpen) await this.lock;
    this.txOpen = true;
    let release!: () => void;
    this.lock = new Promise<void>((resolve) => (release = resolve));
    try {
      // Inside the try: if BEGIN fails (SQLITE_BUSY from another connection), `finally` must still release the lock.
      this.db.exec('BEGIN IMMEDIATE');
      const result = await fn(this.txView());
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.txOpen = false;
      release();
    }
  }

  /**
   * Runs a lone statement once no transaction is open. The check and the statement run in the same tick,
   * so the statement can never land inside another request's transaction.
   */
  private async outside<R>(op: () => R): Promise<R> {
    while (this.txOpen) await this.lock;
    return op();
  }

  private queryNow<T extends Doc>(collection: string, options: QueryOptions): Page<T> {
    this.ensure(collection);
    const { sql, params } = whereClause(options.where);
    const order = [...(options.orderBy ?? []).map(([f, dir]) => `${field(f)} ${dir === 'desc' ? 'DESC' : 'ASC'}`), '_id ASC'];
    const limit = pageLimit(options.limit);
    const offset = decodeCursor(options.cursor);
    const rows = this.prepare(`SELECT doc FROM ${table(collection)} ${sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
      .all(...params, limit + 1, offset) as Row[];
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as T);
    return { items, nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null };
  }

  private txView(): TxStore {
    return {
      get: async <T extends Doc = Doc>(c: string, id: string) => this.getNow<T>(c, id),
      create: async (c, doc) => this.createNow(c, doc),
      update: async (c, id, patch, options) => this.updateNow(c, id, patch, options),
      remove: async (c, id) => this.removeNow(c, id),
    };
  }

  private getNow<T extends Doc>(collection: string, id: string): T | null {
    this.ensure(collection);
    const row = this.prepare(`SELECT doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private createNow(collection: string, doc: Doc): void {
    this.ensure(collection);
    try {
      this.prepare(`INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateError(collection, doc._id);
      throw error;
    }
  }

  private updateNow(collection: string, id: string, patch: Patch, options?: UpdateOptions): boolean {
    const current = this.getNow(collection, id);
    if (!current || !matches(current, options?.if)) return false;
    const next = applyPatch(current, patch);
    next._id = id;
    try {
      this.prepare(`UPDATE ${table(collection)} SET doc = ? WHERE _id = ?`).run(JSON.stringify(next), id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateError(collection, id);
      throw error;
    }
    return true;
  }

  private removeNow(collection: string, id: string): boolean {
    this.ensure(collection);
    return this.prepare(`DELETE FROM ${table(collection)} WHERE _id = ?`).run(id).changes > 0;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private ensure(collection: string): void {
    if (this.ready.has(collection)) return;
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table(collection)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    for (const spec of this.indexes[collection] ?? []) {
      const cols = spec.fields.map(([f, dir]) => `${field(f)} ${dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
      this.db.exec(
        `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${indexName(collection, spec)}" ON ${table(collection)} (${cols})`,
      );
    }
    this.ready.add(collection);
  }
}
