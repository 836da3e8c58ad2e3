import { randomBytes } from 'node:crypto';
import { findChainBreak, type ChainedEntry } from '@shared/audit/chain';
import { appendAudit, SEALING_WINDOW_MS, type AuditDoc, type AuditHead, type AuditInput } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import { queryAll } from '../../cloudfunctions/core/store/paging';
import type { Store, TxStore } from '../../cloudfunctions/core/store/port';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

const T = Date.UTC(2026, 10, 24, 2, 0);
const A = 'c_a';

let store: SqliteStore;
beforeEach(() => (store = new SqliteStore()));
afterEach(() => store.close());

/** One audited change, committed in its own transaction as a request would, at the time its request started. */
async function record(at: number, fields: Partial<AuditInput> = {}): Promise<AuditDoc> {
  const input: AuditInput = {
    communityId: A,
    at,
    actorId: 'u_1',
    actorRole: 'resident',
    action: 'consultation.vote',
    targetType: 'consultation',
    targetId: 'k_1',
    before: null,
    after: 'voted',
    note: null,
    requestId: randomBytes(8).toString('hex'),
    ...fields,
  };
  return store.transaction((tx) => appendAudit(tx, input));
}

async function entries(communityId = A): Promise<AuditDoc[]> {
  return queryAll<AuditDoc>(store, 'audit', { where: { communityId }, orderBy: [['_id', 'asc']] });
}

async function chain(communityId = A): Promise<AuditDoc[]> {
  return queryAll<AuditDoc>(store, 'audit', { where: { communityId, sealed: true }, orderBy: [['seq', 'asc']] });
}

/** The chain's entries by id, in seq order, after checking that every link and the head hold. */
async function verifiedChain(communityId = A): Promise<string[]> {
  const sealed = await chain(communityId);
  expect(findChainBreak(sealed as ChainedEntry[])).toBeNull();
  const head = await store.get<AuditHead>('auditHeads', communityId);
  expect(head).toMatchObject({ seq: sealed.length, hash: sealed[sealed.length - 1]?.hash });
  return sealed.map((e) => e._id);
}

/** What a sealer inside a snapshot taken earlier sees: the head as it was then, everything else as it is. */
function withStaleHead(inner: Store, communityId: string, head: AuditHead | null): Store {
  const staleTx = (tx: TxStore): TxStore => ({
    get: (c, id) => (c === 'auditHeads' && id === communityId ? Promise.resolve(structuredClone(head) as never) : tx.get(c, id)),
    create: (c, doc) => tx.create(c, doc),
    update: (c, id, patch, options) => tx.update(c, id, patch, options),
    remove: (c, id) => tx.remove(c, id),
  });
  return {
    get: (c, id) => inner.get(c, id),
    create: (c, doc) => inner.create(c, doc),
    update: (c, id, patch, options) => inner.update(c, id, patch, options),
    remove: (c, id) => inner.remove(c, id),
    query: (c, options) => inner.query(c, options),
    count: (c, where) => inner.count(c, where),
    transaction: (fn) => inner.transaction((tx) => fn(staleTx(tx))),
  };
}

describe('recording an entry', () => {
  test('is one write, to a new document of its own, and reads nothing', async () => {
    const ops: string[] = [];
    await store.transaction((tx) =>
      appendAudit(
        {
          get: (c, id) => (ops.push(`get ${c}`), tx.get(c, id)),
          create: (c, doc) => (ops.push(`create ${c}`), tx.create(c, doc)),
          update: (c, id, patch, options) => (ops.push(`update ${c}`), tx.update(c, id, patch, options)),
          remove: (c, id) => (ops.push(`remove ${c}`), tx.remove(c, id)),
        },
        { communityId: A, at: T, actorId: null, actorRole: 'staff', action: 'notice.pin', targetType: 'notice', targetId: 'n_1', before: false, after: true, note: null, requestId: 'r1' },
      ),
    );
    expect(ops).toEqual(['create audit']);
    expect(await store.count('auditHeads')).toBe(0);
  });

  test('entries of one millisecond, even of one request, get distinct ids in the order they were made', async () => {
    const first = await record(T, { requestId: 'same' });
    const second = await record(T, { requestId: 'same' });
    const third = await record(T);
    expect(new Set([first._id, second._id, third._id]).size).toBe(3);
    expect((await entries()).map((e) => e._id)).toEqual([first._id, second._id, third._id]);
    expect(first).toMatchObject({ sealed: false, seq: null, prevHash: null, hash: null });
  });
});

describe('sealing', () => {
  test('links due entries in time order, whatever order they were committed in', async () => {
    const late = await record(T + 2000);
    const early = await record(T);
    const middle = await record(T + 1000);
    expect(await sealAudit(store, A, T + 2000 + SEALING_WINDOW_MS)).toBe(3);
    expect(await verifiedChain()).toEqual([early._id, middle._id, late._id]);
    expect((await chain()).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  test('an entry is sealed once it is exactly the window old, not a millisecond sooner', async () => {
    const entry = await record(T);
    expect(await sealAudit(store, A, T + SEALING_WINDOW_MS - 1)).toBe(0);
    expect(await store.get<AuditDoc>('audit', entry._id)).toMatchObject({ sealed: false, seq: null });
    expect(await store.count('auditHeads')).toBe(0);
    expect(await sealAudit(store, A, T + SEALING_WINDOW_MS)).toBe(1);
    expect(await store.get<AuditDoc>('audit', entry._id)).toMatchObject({ sealed: true, seq: 1 });
  });

  test('a sealer run leaves entries inside the window for later, and seals up to them', async () => {
    const old = await record(T);
    const recent = await record(T + 30_000);
    expect(await sealAudit(store, A, T + SEALING_WINDOW_MS + 1000)).toBe(1);
    expect(await verifiedChain()).toEqual([old._id]);
    expect(await store.get<AuditDoc>('audit', recent._id)).toMatchObject({ sealed: false });
    expect(await sealAudit(store, A, T + 30_000 + SEALING_WINDOW_MS)).toBe(1);
    expect(await verifiedChain()).toEqual([old._id, recent._id]);
  });

  test('an entry committed late, inside the window, takes its place before a later one that committed first', async () => {
    // B's request started at T+1s and committed at once; A's started at T but its transaction committed at T+6s.
    const b = await record(T + 1000);
    expect(await sealAudit(store, A, T + 5000)).toBe(0);
    const a = await record(T);
    expect(await sealAudit(store, A, T + 1000 + SEALING_WINDOW_MS)).toBe(2);
    expect(await verifiedChain()).toEqual([a._id, b._id]);
  });

  test('an entry that turns up after its window (it should not) is still sealed, at the end of the chain', async () => {
    const b = await record(T + 1000);
    expect(await sealAudit(store, A, T + 1000 + SEALING_WINDOW_MS)).toBe(1);
    const a = await record(T);
    expect(await sealAudit(store, A, T + 2000 + SEALING_WINDOW_MS)).toBe(1);
    expect(await verifiedChain()).toEqual([b._id, a._id]);
  });

  test('running it again changes nothing more', async () => {
    for (let i = 0; i < 5; i++) await record(T + i);
    const now = T + SEALING_WINDOW_MS + 10;
    expect(await sealAudit(store, A, now)).toBe(5);
    const after = JSON.stringify([await entries(), await store.get('auditHeads', A)]);
    expect(await sealAudit(store, A, now)).toBe(0);
    expect(await sealAudit(store, 'all', now + 1000)).toBe(0);
    expect(JSON.stringify([await entries(), await store.get('auditHeads', A)])).toBe(after);
  });

  test('two sealers at once link each entry exactly once, into one chain', async () => {
    for (let i = 0; i < 120; i++) await record(T + (i % 7));
    const now = T + SEALING_WINDOW_MS + 10;
    const [one, two] = await Promise.all([sealAudit(store, A, now), sealAudit(store, A, now)]);
    expect(one + two).toBe(120);
    expect(await verifiedChain()).toHaveLength(120);
    expect(await store.count('audit', { sealed: false })).toBe(0);
  });

  test('a sealer that read the head before another moved it links nothing: the chain does not fork', async () => {
    for (let i = 0; i < 2; i++) await record(T + i);
    await sealAudit(store, A, T + SEALING_WINDOW_MS + 10);
    const staleHead = (await store.get<AuditHead>('auditHeads', A))!;
    for (let i = 2; i < 4; i++) await record(T + i);
    await sealAudit(store, A, T + SEALING_WINDOW_MS + 10);
    const fifth = await record(T + 4);

    expect(await sealAudit(withStaleHead(store, A, staleHead), A, T + SEALING_WINDOW_MS + 10)).toBe(0);
    expect(await store.get<AuditDoc>('audit', fifth._id)).toMatchObject({ sealed: false, seq: null });
    expect(await verifiedChain()).toHaveLength(4);

    expect(await sealAudit(store, A, T + SEALING_WINDOW_MS + 10)).toBe(1);
    expect((await verifiedChain())[4]).toBe(fifth._id);
  });

  test('a sealer that missed the first head being made links nothing', async () => {
    const first = await record(T);
    const stale = withStaleHead(store, A, null);
    await sealAudit(store, A, T + SEALING_WINDOW_MS);
    const second = await record(T + 1);
    expect(await sealAudit(stale, A, T + SEALING_WINDOW_MS + 1)).toBe(0);
    expect(await sealAudit(store, A, T + SEALING_WINDOW_MS + 1)).toBe(1);
    expect(await verifiedChain()).toEqual([first._id, second._id]);
  });

  test('`max` bounds one run; the next run carries on where it stopped', async () => {
    for (let i = 0; i < 7; i++) await record(T + i);
    const now = T + SEALING_WINDOW_MS + 10;
    expect(await sealAudit(store, A, now, { max: 3 })).toBe(3);
    expect(await verifiedChain()).toHaveLength(3);
    expect(await sealAudit(store, A, now, { max: 3 })).toBe(3);
    expect(await sealAudit(store, A, now, { max: 3 })).toBe(1);
    expect(await verifiedChain()).toEqual((await entries()).map((e) => e._id));
  });

  test("'all' seals every chain with due entries, each on its own", async () => {
    const ids: Record<string, string[]> = { c_a: [], c_b: [], street_s: [] };
    for (let i = 0; i < 9; i++) {
      const communityId = Object.keys(ids)[i % 3];
      ids[communityId].push((await record(T + i, { communityId }))._id);
    }
    expect(await sealAudit(store, 'all', T + 8 + SEALING_WINDOW_MS)).toBe(9);
    for (const [communityId, expected] of Object.entries(ids)) expect(await verifiedChain(communityId)).toEqual(expected);
  });

  test('a sealed entry keeps every recorded field, and its hash covers them', async () => {
    const entry = await record(T, { before: { step: 2 }, after: { step: 3 }, note: '说明' });
    await sealAudit(store, A, T + SEALING_WINDOW_MS);
    const sealed = (await store.get<AuditDoc>('audit', entry._id))!;
    expect(sealed).toMatchObject({ ...entry, sealed: true, seq: 1, slot: `${A}#1`, prevHash: expect.any(String), hash: expect.any(String) });
    const edited = { ...sealed, note: '改过' } as ChainedEntry;
    expect(findChainBreak([edited])).toMatchObject({ seq: 1, reason: expect.stringContaining('改动') });
  });
});
