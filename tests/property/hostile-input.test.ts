/**
 * Hostile input, over HTTP, for every action of every function in the contract, as staff, as a resident, and as
 * someone signed in for the first time.
 *
 * Whatever `data` holds — random values, wrong types, huge strings, prototype-pollution keys, deep nesting, text
 * full of SQL and JSON-path metacharacters, emoji, NUL — the answer is an envelope, never INTERNAL, and when it is a
 * refusal the database is exactly as it was. Most generated inputs follow the action's own schema, with ids that
 * exist and times near now, so the hostile values get past validation and reach the handlers and the store.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { z } from 'zod';
import { contract, userTextLabel, type ModuleContract } from '@shared/contract';
import { findChainBreak, type ChainedEntry } from '@shared/audit/chain';
import { ERROR_CODES } from '@shared/errors';
import { SEALING_WINDOW_MS, type AuditDoc } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import { FUNCTIONS } from '../../cloudfunctions/modules';
import { startCloud, type Client, type TestCloud } from '../support/cloud';

/** Per action and caller. These keep the whole file well under a minute. */
const RUNS = 25;
const FIRST_TIMER_RUNS = 10;

jest.setTimeout(60_000);

const NASTY_STRINGS = [
  "'); DROP TABLE \"c_users\";--",
  "' OR '1'='1",
  '$.a',
  '$[0]',
  'a.b',
  'residency.communityId',
  '"',
  '\\',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😀👨‍👩‍👧‍👦',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '${process.exit()}',
  '<script>alert(1)</script>',
  '赌博',
  ' ',
  '',
  // Plausible values, so some inputs are valid enough to reach the handlers.
  'c_xingfuli',
  'c_heping',
  'n_demo0',
  'n_demo3',
  'u_demo4',
  'u_demo1',
  'o1',
  'o0',
  'oZZ',
  'ozzzzzzzzzz',
  'deleted:u_demo4',
  'local://files/a.png',
  'cloud://env/a.png',
  '删除',
  '通知',
  'community',
  'street',
  'pending',
];

const PLAIN_TEXT = ['居民议事', '停水通知', '3号楼', '2单元301'];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAIN_TEXT) },
  { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '居'.repeat(6_000), 'a.'.repeat(3_000), '$'.repeat(70)) },
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 8.64e15, 8.64e15 + 1, 30, 31, 100, 101, Date.UTC(2030, 0, 1)),
);

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$set', 'a.b', '$.a', '', '_id', 'openid', 'admin', 'roles'),
  fc.string({ maxLength: 12 }),
);

const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
}));

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const deepValues = fc.constantFrom(
  nested(2_000, (inner) => ({ a: inner })),
  nested(2_000, (inner) => [inner]),
  nested(500, (inner) => ({ __proto__: inner, constructor: { prototype: inner } })),
);

/** Own `__proto__`/`constructor` keys, as JSON.parse makes them on the server. */
const pollution = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileValue).map(([key, value]) => {
  const obj: Record<string, unknown> = {};
  Object.defineProperty(obj, key, { value: key === 'constructor' ? { prototype: { admin: true, polluted: value } } : { admin: true, polluted: value }, enumerable: true });
  return obj;
});

/** What a nearly-valid input draws its ids and times from: the documents in the database, and the clock. */
interface Pools {
  /** Document ids by collection. */
  ids: Record<string, string[]>;
  now: number;
  /** The function under test: a bare `id` field most likely names one of its own documents. */
  fn: string;
}

/** Ids worth trying for a field, by its name: a `communityId` wants a community, a `hostId` a user, and so on. */
function idsFor(key: string, pools: Pools): string[] {
  const all = Object.values(pools.ids).flat();
  const pick = (collection: string) => (pools.ids[collection]?.length ? pools.ids[collection] : all);
  if (/community/i.test(key)) return pick('communities');
  if (/^(userId|hostId)$|UserId$/.test(key)) return pick('users');
  if (/^consultationId/.test(key)) return pick('consultations');
  if (/opinion|^into$|^from$/i.test(key)) return pick('opinions');
  if (key === 'id' || key === 'ids') return pick(`${pools.fn}s`);
  return all;
}

/** Id-shaped strings that are not in the database: they pass the id pattern and must be looked up and missed. */
const STRANGE_IDS = ['__proto__', 'constructor', 'toString', 'o1', 'a:b', '-', '_', 'deleted:u_demo4', 'street:street_demo', 'x'.repeat(64)];

/**
 * Values that follow an action's schema — right keys, right types, ids that exist, times near now — with hostile
 * content wherever the type allows (text with SQL and JSON-path characters, emoji, NUL, banned words, the longest
 * allowed and one longer), and now and then a wrong type anywhere in the tree. These are what reach the handlers.
 */
function nearlyValid(schema: z.ZodTypeAny, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  const exact = nearlyValidExact(schema, pools, key);
  return fc.oneof({ weight: 30, arbitrary: exact }, { weight: 1, arbitrary: hostileValue });
}

function nearlyValidExact(s: z.ZodTypeAny, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  if (s instanceof z.ZodEffects) return nearlyValidExact(s.innerType(), pools, key);
  if (s instanceof z.ZodDefault) return fc.option(nearlyValid(s.removeDefault(), pools, key), { nil: undefined });
  if (s instanceof z.ZodOptional) return fc.option(nearlyValid(s.unwrap(), pools, key), { nil: undefined, freq: 3 });
  if (s instanceof z.ZodNullable) return fc.option(nearlyValid(s.unwrap(), pools, key), { nil: null, freq: 4 });
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodTypeAny>;
    return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, nearlyValid(v, pools, k)])));
  }
  if (s instanceof z.ZodArray) return fc.array(nearlyValid(s.element as z.ZodTypeAny, pools, key), { maxLength: 4 });
  if (s instanceof z.ZodEnum) return fc.constantFrom(...(s.options as string[]));
  if (s instanceof z.ZodLiteral) return fc.constant(s.value);
  if (s instanceof z.ZodUnion || s instanceof z.ZodDiscriminatedUnion) {
    return fc.oneof(...[...(s.options as Iterable<z.ZodTypeAny>)].map((o) => nearlyValidExact(o, pools, key)));
  }
  if (s instanceof z.ZodBoolean) return fc.boolean();
  if (s instanceof z.ZodNumber) {
    const checks = s._def.checks as { kind: string; value?: number }[];
    const min = checks.find((c) => c.kind === 'min')?.value ?? -1000;
    const max = checks.find((c) => c.kind === 'max')?.value ?? 1000;
    // A timestamp field allows anything up to 8.64e15; the handlers care about "near now".
    const inRange = max > 1e12 ? fc.integer({ min: -3_600_000, max: 40 * 86_400_000 }).map((d) => pools.now + d) : fc.integer({ min, max });
    return fc.oneof({ weight: 6, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 0.5) }, { weight: 1, arbitrary: hostileNumber });
  }
  if (s instanceof z.ZodString) {
    const checks = s._def.checks as { kind: string; value?: number; regex?: RegExp }[];
    const max = checks.find((c) => c.kind === 'max')?.value ?? 200;
    const min = checks.find((c) => c.kind === 'min')?.value ?? 0;
    const edges = fc.constantFrom('居'.repeat(Math.min(max, 10_000)), '居'.repeat(Math.min(max + 1, 10_001)), `  ${'$.a'.repeat(Math.max(1, Math.floor(max / 3)))}`.slice(0, max));
    if (userTextLabel(s)) {
      // Nasty text of an allowed length, mostly: it passes validation and is stored, listed, hashed into the audit chain.
      const fits = [...NASTY_STRINGS, ...PLAIN_TEXT].filter((t) => t.trim().length >= min && t.length <= max);
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fits) }, { weight: 1, arbitrary: hostileString }, { weight: 1, arbitrary: edges });
    }
    if (checks.some((c) => c.kind === 'regex' && String(c.regex).includes('cloud|local'))) {
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('local://files/a.png', 'cloud://env-1/x.png', 'local://../../etc/passwd', "cloud://');DROP") },
        { weight: 1, arbitrary: hostileString },
      );
    }
    if (checks.some((c) => c.kind === 'regex')) {
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...idsFor(key, pools)) },
        { weight: 1, arbitrary: fc.constantFrom(...Object.values(pools.ids).flat()) },
        { weight: 1, arbitrary: fc.constantFrom(...STRANGE_IDS) },
        { weight: 1, arbitrary: hostileString },
      );
    }
    return fc.oneof(hostileString, fc.constantFrom('o1', 'o2s', 'ozzzzzzzzzz', 'o', 'O1'));
  }
  return hostileValue;
}

function hostileData(schema: z.ZodTypeAny, pools: Pools) {
  return fc.oneof(
    { weight: 10, arbitrary: nearlyValid(schema, pools) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: deepValues },
    { weight: 1, arbitrary: pollution },
  );
}

/** Every document id in the database by collection, read through a second connection. */
function documentIds(dbPath: string): Record<string, string[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%'").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name.slice(2), (db.prepare(`SELECT _id FROM "${name}"`).all() as { _id: string }[]).map((r) => r._id)]),
    );
  } finally {
    db.close();
  }
}

/** Every stored audit entry, read through a second connection. */
function auditEntries(dbPath: string): AuditDoc[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT doc FROM "c_audit"').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as AuditDoc);
  } finally {
    db.close();
  }
}

/** Chains (by community, or street for street-wide notices) whose stored entries no longer verify. */
function brokenAuditChains(dbPath: string): { chain: string; seq: number; reason: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const entries = (db.prepare('SELECT doc FROM "c_audit"').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as ChainedEntry);
    const heads = (db.prepare('SELECT doc FROM "c_auditHeads"').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as { _id: string; seq: number });
    return heads.flatMap((head) => {
      const chain = entries.filter((e) => e.communityId === head._id).sort((a, b) => a.seq - b.seq);
      const broken = findChainBreak(chain) ?? (chain.length === head.seq ? null : { seq: chain.length + 1, reason: 'head ahead of entries' });
      return broken ? [{ chain: head._id, ...broken }] : [];
    });
  } finally {
    db.close();
  }
}

function isEnvelope(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (b.ok === true) return 'data' in b;
  return b.ok === false && (ERROR_CODES as readonly unknown[]).includes(b.error?.code) && typeof b.error?.message === 'string';
}

const FUNCTION_NAMES = Object.keys(contract) as (keyof typeof contract)[];

test('every function in the contract is served, so none of the properties below holds vacuously', () => {
  expect(FUNCTION_NAMES.filter((fn) => !Object.prototype.hasOwnProperty.call(FUNCTIONS, fn))).toEqual([]);
});

const SERVED = FUNCTION_NAMES.filter((fn) => Object.prototype.hasOwnProperty.call(FUNCTIONS, fn));

/** Sends one event and checks the invariant; returns the envelope. */
async function probe(cloud: TestCloud, client: Client, fn: string, action: string, data: unknown) {
  const before = cloud.snapshot();
  const { body } = await client.raw(fn, { action, data });
  const where = `${fn}.${action} with ${JSON.stringify(data)?.slice(0, 300)}`;
  expect({ where, envelope: isEnvelope(body) }).toEqual({ where, envelope: true });
  const envelope = body as { ok: boolean; error?: { code: string } };
  expect({ where, code: envelope.error?.code }).not.toEqual({ where, code: 'INTERNAL' });
  if (!envelope.ok) expect({ where, unchanged: cloud.snapshot() === before }).toEqual({ where, unchanged: true });
  return envelope;
}

/**
 * Staff of 幸福里 and a verified resident of it, for one action's runs. Fresh people per action: a run that happens to
 * be a valid `deleteMe` erases its caller, and the next action should still be tried by someone who holds the role.
 */
async function freshCallers(cloud: TestCloud, admin: Client, staff: Client, tag: string): Promise<Record<'staff' | 'resident', Client>> {
  const worker = await cloud.login(`staff-${tag}`);
  await admin.ok('user', 'assignStaff', { communityId: 'c_xingfuli', userId: (await worker.ok('user', 'me', {})).id });
  const resident = await cloud.login(`resident-${tag}`);
  await resident.ok('user', 'applyResidency', { communityId: 'c_xingfuli', building: '1号楼', unit: tag.slice(0, 20) });
  await staff.ok('user', 'reviewResidency', { userId: (await resident.ok('user', 'me', {})).id, approve: true });
  return { staff: worker, resident };
}

describe.each(SERVED)('%s', (fn) => {
  const actions = Object.entries(contract[fn] as ModuleContract);
  let cloud: TestCloud;
  let admin: Client;
  let staff: Client;
  let pools: Pools;

  /**
   * One cloud per function, warmed up first: every action is called a couple of times with valid input by staff, a
   * host and a resident, in contract order, so that later actions find real documents (a consultation, an opinion, a
   * notice) to be hostile about. The warm-up calls are held to the same invariant. `deleteMe` is left out of the
   * warm-up because it would erase the people doing it.
   */
  beforeAll(async () => {
    // Reads document ids and audit chains straight from the SQLite file.
    cloud = await startCloud({ store: 'sqlite' });
    admin = await cloud.login('demo-admin');
    staff = await cloud.login('demo-staff');
    const warmers = [staff, await cloud.login('demo-host'), await cloud.login('demo-resident-1')];
    pools = { ids: documentIds(cloud.dbPath), now: Date.now(), fn };
    for (const [action, spec] of actions) {
      if (action === 'deleteMe') continue;
      // Draw a bounded number of candidates: some schemas (a check-in code) are rarely met by chance.
      const candidates = fc.sample(nearlyValidExact(spec.input, pools), 40).filter((v) => spec.input.safeParse(v).success);
      for (const [i, client] of warmers.entries()) {
        for (const data of candidates.slice(2 * i, 2 * i + 2)) await probe(cloud, client, fn, action, data);
      }
      pools.ids = documentIds(cloud.dbPath);
    }
  });
  afterAll(() => cloud.close());

  describe.each(actions.map(([action, spec]) => ({ action, schema: spec.input })))('$action', ({ action, schema }) => {
    let callers: Record<'staff' | 'resident', Client>;
    beforeAll(async () => {
      callers = await freshCallers(cloud, admin, staff, action);
      pools.ids = documentIds(cloud.dbPath);
    });

    test.each(['staff', 'resident'] as const)('as %s: an envelope, never INTERNAL, nothing written when refused', async (who) => {
      await fc.assert(
        fc.asyncProperty(hostileData(schema, pools), async (data) => {
          await probe(cloud, callers[who], fn, action, data);
        }),
        { numRuns: RUNS },
      );
    });

    // Someone signed in for the first time, with no record yet: a refusal must not leave one behind either.
    test('as a first-time caller: the same, from a fresh OPENID each run', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(hostileData(schema, pools), async (data) => {
          await probe(cloud, await cloud.login(`first-${action}-${++n}`), fn, action, data);
        }),
        { numRuns: FIRST_TIMER_RUNS },
      );
    });
  });

  // Whatever got stored on the way — emoji, NUL, lone surrogates, `$.a` — every entry seals and every chain verifies.
  test('afterwards, every audit entry seals into an intact chain', async () => {
    expect(auditEntries(cloud.dbPath).length).toBeGreaterThan(0);
    while (await sealAudit(cloud.store, 'all', cloud.runtime.now() + SEALING_WINDOW_MS));
    expect(auditEntries(cloud.dbPath).filter((e) => !e.sealed)).toEqual([]);
    expect(brokenAuditChains(cloud.dbPath)).toEqual([]);
  });
});

describe('the event itself', () => {
  let cloud: TestCloud;
  let staff: Client;
  beforeAll(async () => {
    cloud = await startCloud();
    staff = await cloud.login('demo-staff');
  });
  afterAll(() => cloud.close());

  test('any body, any action name: an envelope, never INTERNAL, nothing written', async () => {
    const actionNames = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'me'), hostileValue);
    const bodies = fc.oneof(
      fc.record({ action: actionNames, data: hostileValue }, { requiredKeys: [] }),
      fc.anything({ maxDepth: 3 }),
      fc.constantFrom('not json', '{"action":', '[]', 'null', '"me"', '{"action":"me","data":{"__proto__":{"admin":true}}}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTION_NAMES, '__proto__', 'constructor', 'nope'), bodies, async (fn, body) => {
        const before = cloud.snapshot();
        const res = await staff.raw(fn, body);
        expect(isEnvelope(res.body)).toBe(true);
        const envelope = res.body as { ok: boolean; error?: { code: string } };
        expect(envelope.error?.code).not.toBe('INTERNAL');
        if (!envelope.ok) expect(cloud.snapshot()).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  test('prototype pollution in data leaves the process clean', async () => {
    await staff.raw('user', '{"action":"updateProfile","data":{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}}');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const me = await staff.ok('user', 'me', {});
    expect(me.admin).toBe(false);
  });
});
