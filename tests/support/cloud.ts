import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@shared/errors';
import { contract, type ActionSpec, type Contract, type FunctionName, type InputOf, type OutputOf } from '@shared/contract';
import type { CronReport } from '@shared/contract/cron';
import { FUNCTIONS } from '../../cloudfunctions/modules';
import { localFileStorage } from '../../cloudfunctions/core/files';
import { RATE_COUNTERS } from '../../cloudfunctions/core/rate-limit';
import type { RequestMetrics, Runtime } from '../../cloudfunctions/core/runtime';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import type { Store } from '../../cloudfunctions/core/store/port';
import type { TxOutcome } from '../../cloudfunctions/core/store/retry';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { localRuntime } from '../../local-cloud/runtime';
import { seedDemo } from '../../local-cloud/seed';
import { createLocalCloud } from '../../local-cloud/server';
import { loadSecret } from '../../local-cloud/session';

/** SQLite runs one transaction at a time; memory has CloudBase's snapshot isolation and write conflicts. */
export type StoreKind = 'sqlite' | 'memory';

export interface TestCloud {
  url: string;
  storeKind: StoreKind;
  /** The SQLite file; empty on the memory store. */
  dbPath: string;
  /** The upload store the gateway serves at `/files/`, where exports land too. */
  filesDir: string;
  /** Digest of the whole database; see snapshotDb and MemoryStore.digest. */
  snapshot(): string;
  store: Store;
  /** How each transaction ended: runs (retries + 1) and whether it committed. */
  transactions: TxOutcome[];
  runtime: Runtime;
  /** Every request the functions served, newest last. */
  requests: RequestMetrics[];
  /** Moves the clock the functions see. */
  setNow(ts: number): void;
  /** `POST /api/dev/tick`: runs the timed jobs now, or as of `at` for that run only. */
  tick(at?: number): Promise<Envelope<CronReport>>;
  login(openid: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

type Call = <F extends FunctionName, A extends keyof Contract[F] & string>(
  fn: F,
  action: A,
  data: InputOf<Contract[F][A]> | Record<string, unknown>,
) => Promise<Envelope<OutputOf<Contract[F][A]>>>;

export interface Client {
  openid: string | null;
  call: Call;
  /** Like call, but fails the test unless ok, returning the data. */
  ok: <F extends FunctionName, A extends keyof Contract[F] & string>(
    fn: F,
    action: A,
    data: InputOf<Contract[F][A]> | Record<string, unknown>,
  ) => Promise<OutputOf<Contract[F][A]>>;
  raw(fn: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

/** The store the test cloud runs on unless a test names one: `GONGZHI_STORE=memory` runs the suites on memory. */
export function defaultStoreKind(): StoreKind {
  return process.env.GONGZHI_STORE === 'memory' ? 'memory' : 'sqlite';
}

export interface CloudOptions {
  seed?: boolean;
  now?: number;
  store?: StoreKind;
  /** Overrides RATE_LIMIT_PER_MINUTE, for set-ups that make many records in one frozen minute. */
  rateLimitPerMinute?: number;
  /** Clients add a fresh requestKey to every create action, as the app does (the bench counts its cost). */
  requestKeys?: boolean;
}

/**
 * A local cloud over real HTTP on a free port, seeded with the demo street: on a fresh SQLite file, or on the
 * memory store with CloudBase's transaction semantics.
 */
export async function startCloud(options: CloudOptions = {}): Promise<TestCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-test-'));
  const storeKind = options.store ?? defaultStoreKind();
  const transactions: TxOutcome[] = [];
  const dbPath = storeKind === 'sqlite' ? join(dir, 'test.db') : '';
  const sqlite = storeKind === 'sqlite' ? new SqliteStore(dbPath) : null;
  const memory = storeKind === 'memory' ? new MemoryStore({ onTransaction: (o) => transactions.push(o) }) : null;
  const store: Store = (sqlite ?? memory)!;
  let now = options.now ?? Date.now();
  const requests: RequestMetrics[] = [];
  const filesDir = join(dir, 'files');
  const runtime = localRuntime(store, {
    now: () => now,
    ...(options.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    log: () => undefined,
    onRequest: (m) => requests.push(m),
    files: localFileStorage(filesDir),
  });
  if (options.seed !== false) await seedDemo(store, now);
  const secret = loadSecret(join(dir, 'secret'));
  const server = createLocalCloud({ runtime, functions: FUNCTIONS, secret, filesDir });
  // A deep accept queue: the crowd tests open a thousand connections at once while SQLite keeps the loop busy.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let keys = 0;
  const withKey = (fn: string, action: string, data: unknown) => {
    const spec = (contract as Record<string, Record<string, ActionSpec>>)[fn]?.[action];
    if (!options.requestKeys || !spec?.create || !data || typeof data !== 'object' || 'requestKey' in data) return data;
    return { ...data, requestKey: `test-key-${++keys}` };
  };
  const client = (openid: string | null, token: string | null): Client => {
    const raw = async (fn: string, body: unknown) => {
      const res = await fetch(`${url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const call = (async (fn: string, action: string, data: unknown) => (await raw(fn, { action, data: withKey(fn, action, data) })).body) as Call;
    const ok = (async (fn: FunctionName, action: string, data: unknown) => {
      const envelope = (await call(fn, action as never, data as never)) as Envelope<unknown>;
      if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data;
    }) as Client['ok'];
    return { openid, call, ok, raw };
  };

  return {
    url,
    storeKind,
    dbPath,
    filesDir,
    snapshot: () => (memory ? memory.digest([RATE_COUNTERS]) : snapshotDb(dbPath)),
    store,
    transactions,
    runtime,
    requests,
    setNow: (ts) => (now = ts),
    async tick(at) {
      const res = await fetch(`${url}/api/dev/tick`, { method: 'POST', body: JSON.stringify(at === undefined ? {} : { at }) });
      return (await res.json()) as Envelope<CronReport>;
    },
    async login(openid) {
      const res = await fetch(`${url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
      const body = (await res.json()) as { data: { token: string } };
      return client(openid, body.data.token);
    },
    anonymous: () => client(null, null),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sqlite?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A digest of every committed document, read through a second connection: "nothing was written" means
 * the digest before and after a refused request are equal. The per-person rate counters are left out (on the
 * memory store too): every attempt at a limited action counts, refused or not, on purpose (a refused text
 * still cost a content check). The rate-limit tests look at them directly.
 */
export function snapshotDb(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' AND name <> ? ORDER BY name")
      .all(`c_${RATE_COUNTERS}`) as { name: string }[];
    for (const { name } of tables) {
      hash.update(`#${name}`);
      for (const row of db.prepare(`SELECT _id, doc FROM "${name}" ORDER BY _id`).iterate() as Iterable<{ _id: string; doc: string }>) {
        hash.update(`${row._id}\u0000${row.doc}\u0000`);
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
