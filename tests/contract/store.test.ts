/**
 * The store contract: one suite, written once against the port, run on every adapter.
 *
 * - SQLite always: a fresh WAL database file in the OS temp directory for this test file.
 * - Memory always: the in-memory store with CloudBase's snapshot-isolated transactions.
 * - CloudBase only when TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set (optionally
 *   TENCENTCLOUD_SESSIONTOKEN); otherwise its block is reported as skipped. It needs the `users` collection with
 *   its unique `openid` index (see schema.ts). Each test gets the scratch collection `contract_1` (`contract_2`…
 *   if it asked for more), created when missing and emptied before use: the SDK cannot drop collections, so a
 *   fixed set is reused rather than leaving new ones behind every run; two runs must therefore not share an
 *   environment at the same time. Test documents in `users` carry a per-run prefix and are removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PatchError } from '../../cloudfunctions/core/store/documents';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { BadCursorError, DuplicateError, inc, unset, type Doc, type Filter, type Store, type TxStore } from '../../cloudfunctions/core/store/port';
import type { RetryPolicy } from '../../cloudfunctions/core/store/retry';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

type D = Doc & Record<string, unknown>;

interface Harness {
  store: Store;
  /** An empty collection that no earlier test in this run has used. */
  fresh(): Promise<string>;
  /** Unique to this run: a prefix for ids and keys in shared collections such as `users`. */
  run: string;
  /** Called before each test. */
  reset(): void;
  /** Transactions read a snapshot and only writes conflict (CloudBase, memory); SQLite runs them one at a time. */
  snapshotIsolation: boolean;
  close(): Promise<void>;
}

const cloudReady = Boolean(
  process.env.TCB_ENV && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY,
);

jest.setTimeout(cloudReady ? 600_000 : 30_000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 100 transactions racing on one document need far more runs than a request would allow itself. */
const PATIENT: Partial<RetryPolicy> = { attempts: 400, backoffMs: 20, backoffCapMs: 1000, deadlineMs: 600_000 };

/** A promise that settles once `n` parties have arrived, so each run of a transaction can wait for the others' reads. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= n) open();
    return all;
  };
}

async function refusal(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'accepted',
    (e: unknown) => e,
  );
}

async function createAll(store: Store, collection: string, docs: D[], batch = 25): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    await Promise.all(docs.slice(i, i + batch).map((d) => store.create(collection, d)));
  }
}

async function ids(store: Store, collection: string, where: Filter): Promise<string[]> {
  const page = await store.query<D>(collection, { where, limit: 100 });
  return page.items.map((d) => d._id).sort();
}

function contract(title: string, enabled: boolean, snapshotIsolation: boolean, open: () => Promise<Harness>): void {
  (enabled ? describe : describe.skip)(title, () => {
    let h: Harness;
    let store: Store;
    // Known before the harness opens: which tests apply is decided while the suite is collected.
    const h0 = () => ({ snapshotIsolation });

    beforeAll(async () => {
      h = await open();
      store = h.store;
    });
    afterAll(async () => {
      await h?.close();
    });
    beforeEach(() => h.reset());

    describe('single documents', () => {
      test('get of an id that was never written returns null', async () => {
        const c = await h.fresh();
        expect(await store.get(c, 'nope')).toBeNull();
      });

      test('a created document reads back exactly as written', async () => {
        const c = await h.fresh();
        const doc: D = {
          _id: 'd1',
          title: '微心愿：帮忙修水管',
          count: 3,
          ratio: 0.25,
          open: true,
          closed: false,
          note: null,
          tags: ['a', 'b'],
          owner: { name: '张三', address: { building: 5 } },
        };
        await store.create(c, doc);
        expect(await store.get<D>(c, 'd1')).toEqual(doc);
      });

      test('creating a second document with a taken _id throws DuplicateError and keeps the first', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'same', v: 1 } as D);
        const error = await store.create(c, { _id: 'same', v: 2 } as D).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateError);
        expect((error as DuplicateError).collection).toBe(c);
        expect(await store.get<D>(c, 'same')).toEqual({ _id: 'same', v: 1 });
      });

      test('a clash on the unique users.openid index throws DuplicateError, on create and on update', async () => {
        const a = `${h.run}-ua`;
        const b = `${h.run}-ub`;
        const c = `${h.run}-uc`;
        try {
          await store.create('users', { _id: a, openid: `${h.run}-openid-1` } as D);
          const onCreate = await store.create('users', { _id: b, openid: `${h.run}-openid-1` } as D).catch((e: unknown) => e);
          expect(onCreate).toBeInstanceOf(DuplicateError);
          expect(await store.get('users', b)).toBeNull();

          await store.create('users', { _id: c, openid: `${h.run}-openid-2` } as D);
          const onUpdate = await store.update('users', c, { openid: `${h.run}-openid-1` }).catch((e: unknown) => e);
          expect(onUpdate).toBeInstanceOf(DuplicateError);
          expect((await store.get<D>('users', c))?.openid).toBe(`${h.run}-openid-2`);
        } finally {
          await Promise.all([a, b, c].map((id) => store.remove('users', id)));
        }
      });

      test('update applies dotted paths, inc and unset, and creates missing parents', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'p', profile: { name: 'a', age: 1 }, n: 1, gone: 'x', keep: 'k' } as D);
        const matched = await store.update(c, 'p', {
          'profile.name': 'b',
          n: inc(2),
          fresh: inc(3),
          gone: unset(),
          'deep.new.leaf': 5,
        });
        expect(matched).toBe(true);
        expect(await store.get<D>(c, 'p')).toEqual({
          _id: 'p',
          profile: { name: 'b', age: 1 },
          n: 3,
          fresh: 3,
          keep: 'k',
          deep: { new: { leaf: 5 } },
        });
      });

      test('setting an object field replaces it rather than merging into it', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'p', profile: { name: 'a', age: 1 }, list: [1, 2, 3] } as D);
        await store.update(c, 'p', { profile: { name: 'z' }, list: [9] });
        expect(await store.get<D>(c, 'p')).toEqual({ _id: 'p', profile: { name: 'z' }, list: [9] });
      });

      test('an update never changes _id', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'fixed', v: 1 } as D);
        expect(await store.update(c, 'fixed', { _id: 'other', v: 2 })).toBe(true);
        expect(await store.get<D>(c, 'fixed')).toEqual({ _id: 'fixed', v: 2 });
        expect(await store.get(c, 'other')).toBeNull();
      });

      test('an update whose patch changes nothing still reports the document as matched', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'same', status: 'open', n: 1 } as D);
        expect(await store.update(c, 'same', { status: 'open', n: inc(0) })).toBe(true);
        expect(await store.update(c, 'same', { status: 'open' }, { if: { status: 'open' } })).toBe(true);
        expect(await store.update(c, 'same', {})).toBe(true);
      });

      test('an update of a missing id returns false and creates nothing', async () => {
        const c = await h.fresh();
        expect(await store.update(c, 'ghost', { v: 1 })).toBe(false);
        expect(await store.update(c, 'ghost', { v: 1 }, { if: { v: null } })).toBe(false);
        expect(await store.get(c, 'ghost')).toBeNull();
      });

      test('a conditional update on a doc that still matches applies the patch and returns true', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'task', status: 'open', n: 0 } as D);
        expect(await store.update(c, 'task', { status: 'claimed', claimedBy: 'u1', n: inc(1) }, { if: { status: 'open', claimedBy: null } })).toBe(true);
        expect(await store.get<D>(c, 'task')).toEqual({ _id: 'task', status: 'claimed', claimedBy: 'u1', n: 1 });
      });

      test('a conditional update on a doc that no longer matches writes nothing and returns false', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'task', status: 'claimed', claimedBy: 'u1', n: 1 } as D);
        expect(await store.update(c, 'task', { claimedBy: 'u2', n: inc(1), status: unset() }, { if: { claimedBy: null } })).toBe(false);
        expect(await store.update(c, 'task', { n: inc(1) }, { if: { status: { in: ['open', 'draft'] }, n: { lt: 5 } } })).toBe(false);
        expect(await store.get<D>(c, 'task')).toEqual({ _id: 'task', status: 'claimed', claimedBy: 'u1', n: 1 });
      });

      test('a conditional update can test several fields for null at once', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'both-missing' } as D);
        await store.create(c, { _id: 'one-set', a: 'x' } as D);
        expect(await store.update(c, 'both-missing', { done: true }, { if: { a: null, b: null } })).toBe(true);
        expect(await store.update(c, 'one-set', { done: true }, { if: { a: null, b: null } })).toBe(false);
        expect((await store.get<D>(c, 'one-set'))?.done).toBeUndefined();
      });

      test('a patch CloudBase refuses is refused everywhere, and the document stays as it was', async () => {
        const c = await h.fresh();
        const doc = { _id: 'p', nul: null, num: 5, str: 's', obj: { k: 1 } } as D;
        await store.create(c, doc);
        const refused = [{ 'nul.k': 1 }, { 'num.k': 1 }, { 'str.k': inc(1) }, { nul: inc(1) }, { str: inc(1) }, { obj: { k: 2 }, 'obj.j': 3 }];
        for (const patch of refused) {
          expect(await refusal(store.update(c, 'p', patch))).toBeInstanceOf(PatchError);
          expect(await refusal(store.update(c, 'p', patch, { if: { num: 5 } }))).toBeInstanceOf(PatchError);
          expect(await refusal(store.transaction((tx) => tx.update(c, 'p', patch)))).toBeInstanceOf(PatchError);
          expect(await refusal(store.transaction((tx) => tx.update(c, 'p', patch, { if: { num: 5 } })))).toBeInstanceOf(PatchError);
        }
        expect(await store.get<D>(c, 'p')).toEqual(doc);
      });

      test('inc on a missing field starts it from 0, alone and in a transaction', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'p', obj: {} } as D);
        expect(await store.update(c, 'p', { n: inc(2), 'obj.m': inc(1) })).toBe(true);
        expect(await store.transaction((tx) => tx.update(c, 'p', { k: inc(-1) }, { if: { n: 2 } }))).toBe(true);
        expect(await store.get<D>(c, 'p')).toEqual({ _id: 'p', obj: { m: 1 }, n: 2, k: -1 });
      });

      test('remove returns true for an existing document and false once it is gone', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'r' } as D);
        expect(await store.remove(c, 'r')).toBe(true);
        expect(await store.get(c, 'r')).toBeNull();
        expect(await store.remove(c, 'r')).toBe(false);
      });
    });

    describe('queries', () => {
      let c: string;
      const docs: D[] = [
        { _id: 'a', kind: 'x', n: 1, flag: true, tag: null, nested: { v: 'p' } },
        { _id: 'b', kind: 'y', n: 2, flag: false, nested: { v: 'q' } },
        { _id: 'c', kind: 'x', n: 3, tag: 't' },
        { _id: 'd', kind: 'z', n: 4, flag: true, tag: 'u', nested: { v: 'p' } },
        { _id: 'e', n: 5 },
      ];

      beforeAll(async () => {
        h.reset();
        c = await h.fresh();
        await createAll(store, c, docs);
      });

      test('equality on a field and on a dotted path', async () => {
        expect(await ids(store, c, { kind: 'x' })).toEqual(['a', 'c']);
        expect(await ids(store, c, { 'nested.v': 'p' })).toEqual(['a', 'd']);
        expect(await ids(store, c, { kind: 'x', n: 3 })).toEqual(['c']);
        expect(await ids(store, c, { _id: 'b' })).toEqual(['b']);
      });

      test('equality with null matches a null field and a missing one', async () => {
        expect(await ids(store, c, { tag: null })).toEqual(['a', 'b', 'e']);
        expect(await ids(store, c, { 'nested.v': null })).toEqual(['c', 'e']);
      });

      test('several null conditions in one filter must all hold', async () => {
        expect(await ids(store, c, { tag: null, flag: null })).toEqual(['e']);
        expect(await ids(store, c, { tag: null, 'nested.v': null })).toEqual(['e']);
        expect(await ids(store, c, { tag: null, kind: { in: ['x', null] } })).toEqual(['a', 'e']);
      });

      test('in matches any listed value; a null in the list also matches a missing field', async () => {
        expect(await ids(store, c, { kind: { in: ['x', 'z'] } })).toEqual(['a', 'c', 'd']);
        expect(await ids(store, c, { tag: { in: ['t', null] } })).toEqual(['a', 'b', 'c', 'e']);
        expect(await ids(store, c, { tag: { in: [null] } })).toEqual(['a', 'b', 'e']);
        expect(await ids(store, c, { kind: { in: [] } })).toEqual([]);
      });

      test('ne excludes the value and keeps missing fields; ne null means "present and not null"', async () => {
        expect(await ids(store, c, { kind: { ne: 'x' } })).toEqual(['b', 'd', 'e']);
        expect(await ids(store, c, { tag: { ne: null } })).toEqual(['c', 'd']);
      });

      test('ranges on numbers and strings, alone and combined, never match a missing field', async () => {
        expect(await ids(store, c, { n: { gt: 2 } })).toEqual(['c', 'd', 'e']);
        expect(await ids(store, c, { n: { gte: 2, lt: 4 } })).toEqual(['b', 'c']);
        expect(await ids(store, c, { n: { lte: 1 } })).toEqual(['a']);
        expect(await ids(store, c, { n: { gt: 1, lte: 5 }, kind: { gte: 'y' } })).toEqual(['b', 'd']);
        expect(await ids(store, c, { kind: { lt: 'y' } })).toEqual(['a', 'c']);
      });

      test('booleans match only the same boolean', async () => {
        expect(await ids(store, c, { flag: true })).toEqual(['a', 'd']);
        expect(await ids(store, c, { flag: false })).toEqual(['b']);
        expect(await ids(store, c, { flag: { ne: true } })).toEqual(['b', 'c', 'e']);
        expect(await ids(store, c, { flag: { in: [false, null] } })).toEqual(['b', 'c', 'e']);
      });

      test('count counts everything or only what the filter matches', async () => {
        expect(await store.count(c)).toBe(5);
        expect(await store.count(c, { kind: 'x' })).toBe(2);
        expect(await store.count(c, { tag: null })).toBe(3);
        expect(await store.count(c, { n: { gt: 10 } })).toBe(0);
      });
    });

    describe('ordering and paging', () => {
      test('orderBy sorts ascending or descending and breaks ties by _id', async () => {
        const c = await h.fresh();
        const ranks: [string, number, string][] = [
          ['k1', 2, 'b'],
          ['k2', 1, 'a'],
          ['k3', 2, 'a'],
          ['k4', 3, 'a'],
          ['k5', 1, 'b'],
          ['k0', 2, 'a'],
        ];
        await createAll(store, c, ranks.map(([_id, rank, group]) => ({ _id, rank, group })));
        const order = async (orderBy: [string, 'asc' | 'desc'][]) =>
          (await store.query<D>(c, { orderBy })).items.map((d) => d._id);
        expect(await order([['rank', 'asc']])).toEqual(['k2', 'k5', 'k0', 'k1', 'k3', 'k4']);
        expect(await order([['rank', 'desc']])).toEqual(['k4', 'k0', 'k1', 'k3', 'k2', 'k5']);
        expect(await order([['group', 'asc'], ['rank', 'desc']])).toEqual(['k4', 'k0', 'k3', 'k2', 'k1', 'k5']);
        expect(await order([])).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
        expect((await store.query<D>(c, { where: { group: 'a' }, orderBy: [['rank', 'desc']], limit: 2 })).items.map((d) => d._id)).toEqual(['k4', 'k0']);
      });

      describe('with 250 documents', () => {
        let c: string;
        beforeAll(async () => {
          h.reset();
          c = await h.fresh();
          const docs = Array.from({ length: 250 }, (_, i) => ({ _id: `doc${String(i).padStart(3, '0')}`, group: i % 7, i }));
          await createAll(store, c, docs);
        });

        test('paging 100 at a time with ties in the sort key yields every document exactly once, in order', async () => {
          const seen: D[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: { items: D[]; nextCursor: string | null } = await store.query<D>(c, {
              orderBy: [['group', 'asc']],
              limit: 100,
              cursor,
            });
            seen.push(...page.items);
            cursor = page.nextCursor;
            pages++;
            expect(pages).toBeLessThanOrEqual(4);
          } while (cursor);
          expect(seen).toHaveLength(250);
          expect(new Set(seen.map((d) => d._id)).size).toBe(250);
          const keys = seen.map((d) => [d.group as number, d._id] as const);
          const sorted = [...keys].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
          expect(keys).toEqual(sorted);
        });

        test('paging a filtered query stops with a null cursor after the last match', async () => {
          const got: string[] = [];
          let cursor: string | null = null;
          do {
            const page: { items: D[]; nextCursor: string | null } = await store.query<D>(c, {
              where: { group: 3 },
              orderBy: [['i', 'desc']],
              limit: 10,
              cursor,
            });
            got.push(...page.items.map((d) => d._id));
            cursor = page.nextCursor;
          } while (cursor);
          const expected = Array.from({ length: 250 }, (_, i) => i).filter((i) => i % 7 === 3).reverse().map((i) => `doc${String(i).padStart(3, '0')}`);
          expect(got).toEqual(expected);
        });

        test('a limit above 100 is capped at 100', async () => {
          const page = await store.query<D>(c, { limit: 1000 });
          expect(page.items).toHaveLength(100);
          expect(page.nextCursor).not.toBeNull();
        });

        test('count sees all 250 documents and the filtered ones', async () => {
          expect(await store.count(c)).toBe(250);
          expect(await store.count(c, { group: 0 })).toBe(36);
        });

        test('when exactly a page of rows remains, the page comes with no cursor (100, and a smaller limit)', async () => {
          const last100 = await store.query<D>(c, { orderBy: [['i', 'asc']], limit: 100, cursor: (await store.query<D>(c, { orderBy: [['i', 'asc']], limit: 100 })).nextCursor });
          expect(last100.items).toHaveLength(100);
          expect(last100.nextCursor).not.toBeNull();
          const tail = await store.query<D>(c, { orderBy: [['i', 'asc']], limit: 100, cursor: last100.nextCursor });
          expect(tail.items.map((d) => d.i)).toEqual(Array.from({ length: 50 }, (_, k) => 200 + k));
          expect(tail.nextCursor).toBeNull();

          let cursor: string | null = null;
          const pages: number[] = [];
          do {
            const page: { items: D[]; nextCursor: string | null } = await store.query<D>(c, { where: { i: { gte: 150 } }, orderBy: [['i', 'asc']], limit: 100, cursor });
            pages.push(page.items.length);
            cursor = page.nextCursor;
          } while (cursor && pages.length < 5);
          expect(pages).toEqual([100]);

          const ten = await store.query<D>(c, { where: { i: { gte: 240 } }, limit: 10 });
          expect(ten.items).toHaveLength(10);
          expect(ten.nextCursor).toBeNull();
        });

        test('a cursor the store never issued is refused with BadCursorError (a rejection, not a throw)', async () => {
          await expect(store.query(c, { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(BadCursorError);
        });
      });
    });

    describe('transactions', () => {
      test('a transaction commits all its writes and returns what its function returns', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'acct1', balance: 100 } as D);
        await store.create(c, { _id: 'old' } as D);
        const result = await store.transaction(async (tx) => {
          const a = await tx.get<D>(c, 'acct1');
          await tx.update(c, 'acct1', { balance: inc(-30) });
          await tx.create(c, { _id: 'acct2', balance: 30 } as D);
          expect(await tx.remove(c, 'old')).toBe(true);
          return (a?.balance as number) - 30;
        });
        expect(result).toBe(70);
        expect(await store.get<D>(c, 'acct1')).toEqual({ _id: 'acct1', balance: 70 });
        expect(await store.get<D>(c, 'acct2')).toEqual({ _id: 'acct2', balance: 30 });
        expect(await store.get(c, 'old')).toBeNull();
      });

      test('inside a transaction, reads see the transaction’s own writes', async () => {
        const c = await h.fresh();
        await store.transaction(async (tx) => {
          await tx.create(c, { _id: 'mine', v: 1 } as D);
          await tx.update(c, 'mine', { v: inc(1) });
          expect(await tx.get<D>(c, 'mine')).toEqual({ _id: 'mine', v: 2 });
        });
        expect(await store.get<D>(c, 'mine')).toEqual({ _id: 'mine', v: 2 });
      });

      test('a conditional update inside a transaction applies only when the document matches', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'slot', holder: null, n: 0 } as D);
        const outcome = await store.transaction(async (tx) => {
          const first = await tx.update(c, 'slot', { holder: 'a', n: inc(1) }, { if: { holder: null } });
          const second = await tx.update(c, 'slot', { holder: 'b', n: inc(1) }, { if: { holder: null } });
          const missing = await tx.update(c, 'ghost', { holder: 'c' });
          return [first, second, missing];
        });
        expect(outcome).toEqual([true, false, false]);
        expect(await store.get<D>(c, 'slot')).toEqual({ _id: 'slot', holder: 'a', n: 1 });
      });

      test('a transaction read of a collection that does not exist is null, as a plain get is, and the transaction commits', async () => {
        const c = await h.fresh();
        const missing = `nocoll_${h.run.replace(/\W/g, '_')}`;
        expect(await store.get(missing, 'x')).toBeNull();
        const seen = await store.transaction(async (tx) => {
          const got = await tx.get(missing, 'x');
          await tx.create(c, { _id: 'after' } as D);
          return got;
        });
        expect(seen).toBeNull();
        expect(await store.get(c, 'after')).toEqual({ _id: 'after' });
      });

      test('a transaction whose function throws writes nothing and rethrows the error', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'keep', v: 1 } as D);
        await expect(
          store.transaction(async (tx) => {
            await tx.create(c, { _id: 'new', v: 1 } as D);
            await tx.update(c, 'keep', { v: 2 });
            await tx.remove(c, 'keep');
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
        expect(await store.get(c, 'new')).toBeNull();
        expect(await store.get<D>(c, 'keep')).toEqual({ _id: 'keep', v: 1 });
      });

      test('a DuplicateError inside a transaction rolls back the transaction’s earlier writes', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'taken', v: 1 } as D);
        await store.create(c, { _id: 'counter', n: 5 } as D);
        const error = await store
          .transaction(async (tx) => {
            await tx.create(c, { _id: 'first', v: 1 } as D);
            await tx.update(c, 'counter', { n: inc(1) });
            await tx.create(c, { _id: 'taken', v: 2 } as D);
          })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateError);
        expect(await store.get(c, 'first')).toBeNull();
        expect(await store.get<D>(c, 'counter')).toEqual({ _id: 'counter', n: 5 });
        expect(await store.get<D>(c, 'taken')).toEqual({ _id: 'taken', v: 1 });
      });

      test('a statement issued outside while a transaction is open is not part of it and survives its rollback', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'shared', n: 0 } as D);
        let opened!: () => void;
        const open = new Promise<void>((resolve) => (opened = resolve));
        const tx = store.transaction(async (t) => {
          await t.create(c, { _id: 'inside', v: 1 } as D);
          opened();
          await sleep(50);
          throw new Error('roll back');
        });
        await open;
        const outsideCreate = store.create(c, { _id: 'outside', v: 1 } as D);
        const outsideUpdate = store.update(c, 'shared', { n: inc(1) });
        await expect(tx).rejects.toThrow('roll back');
        await outsideCreate;
        expect(await outsideUpdate).toBe(true);
        expect(await store.get<D>(c, 'outside')).toEqual({ _id: 'outside', v: 1 });
        expect(await store.get<D>(c, 'shared')).toEqual({ _id: 'shared', n: 1 });
        expect(await store.get(c, 'inside')).toBeNull();
      });
    });

    describe('isolation', () => {
      /**
       * The invariant "at most `cap` holders": two transactions each read the shared counter, both see room, and
       * each creates its own holder document. `writeDecided` also writes the counter they decided on.
       */
      async function twoClaims(c: string, writeDecided: boolean): Promise<string[]> {
        await store.create(c, { _id: 'seats', taken: 0, cap: 1 } as D);
        // SQLite runs one transaction at a time: a run waiting for the other would wait for ever.
        const bothRead = barrier(h0().snapshotIsolation ? 2 : 1);
        const claim = (who: string) =>
          store.transaction(async (tx: TxStore) => {
            const seats = (await tx.get<D>(c, 'seats'))!;
            await bothRead();
            if ((seats.taken as number) >= (seats.cap as number)) return;
            await tx.create(c, { _id: `holder-${who}` } as D);
            if (writeDecided) await tx.update(c, 'seats', { taken: (seats.taken as number) + 1 });
          });
        await Promise.all([claim('a'), claim('b')]);
        return ids(store, c, { _id: { in: ['holder-a', 'holder-b'] } });
      }

      (h0().snapshotIsolation ? test : test.skip)('reading one document and writing another lets both transactions through: write skew', async () => {
        const c = await h.fresh();
        expect(await twoClaims(c, false)).toEqual(['holder-a', 'holder-b']);
      });

      test('writing the document the decision was made on keeps the invariant', async () => {
        const c = await h.fresh();
        expect(await twoClaims(c, true)).toHaveLength(1);
        expect((await store.get<D>(c, 'seats'))?.taken).toBe(1);
      });

      (h0().snapshotIsolation ? test : test.skip)('a transaction keeps reading its snapshot after another commits, and its write then conflicts and reruns', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'n', v: 0 } as D);
        const seen: [number, number][] = [];
        let firstRun = true;
        await store.transaction(async (tx) => {
          const before = (await tx.get<D>(c, 'n'))!.v as number;
          if (firstRun) {
            firstRun = false;
            await store.update(c, 'n', { v: inc(10) });
          }
          const again = (await tx.get<D>(c, 'n'))!.v as number;
          seen.push([before, again]);
          await tx.update(c, 'n', { v: again + 1 });
        });
        expect(seen).toEqual([
          [0, 0],
          [10, 10],
        ]);
        expect((await store.get<D>(c, 'n'))?.v).toBe(11);
      });
    });

    describe('concurrency', () => {
      test('100 simultaneous conditional claims on one document: exactly one wins', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'job', claimedBy: null } as D);
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => store.update(c, 'job', { claimedBy: `w${i}` }, { if: { claimedBy: null } })),
        );
        const winners = results.flatMap((won, i) => (won ? [`w${i}`] : []));
        expect(winners).toHaveLength(1);
        expect((await store.get<D>(c, 'job'))?.claimedBy).toBe(winners[0]);
      });

      test('100 simultaneous read-then-write transactions on one counter lose no increment', async () => {
        const c = await h.fresh();
        await store.create(c, { _id: 'counter', n: 0 } as D);
        await Promise.all(
          Array.from({ length: 100 }, () =>
            store.transaction(async (tx) => {
              const current = await tx.get<D>(c, 'counter');
              await tx.update(c, 'counter', { n: (current?.n as number) + 1 });
            }),
          ),
        );
        expect((await store.get<D>(c, 'counter'))?.n).toBe(100);
      });
    });
  });
}

contract('SQLite', true, false, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-store-contract-'));
  const store = new SqliteStore(path.join(dir, 'store.db'));
  let n = 0;
  return {
    store,
    run: 'local',
    // Tables appear when first used, so a new name is an empty collection.
    fresh: async () => `t${++n}`,
    reset: () => {},
    snapshotIsolation: false,
    close: async () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

contract('Memory (CloudBase transaction semantics)', true, true, async () => {
  const store = new MemoryStore({ retry: PATIENT });
  let n = 0;
  return {
    store,
    run: 'memory',
    fresh: async () => `t${++n}`,
    reset: () => {},
    snapshotIsolation: true,
    close: async () => {},
  };
});

contract(cloudReady ? 'CloudBase' : 'CloudBase (skipped: set TCB_ENV and credentials)', cloudReady, true, async () => {
  const tcb = await import('@cloudbase/node-sdk');
  const { CloudBaseStore } = await import('../../cloudfunctions/core/store/cloudbase');
  const app = tcb.init({
    env: process.env.TCB_ENV,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
  });
  const store = new CloudBaseStore({ app, retry: PATIENT });
  const db = app.database();
  const _ = db.command;
  let slot = 0;
  return {
    store,
    run: `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    // CloudBase cannot drop collections from the SDK, so a small fixed set is reused: created once, emptied here.
    fresh: async () => {
      const name = `contract_${++slot}`;
      try {
        await db.createCollection(name);
      } catch {
        // already there
      }
      while ((await store.count(name)) > 0) {
        await db.collection(name).where({ _id: _.exists(true) }).remove();
      }
      return name;
    },
    reset: () => {
      slot = 0;
    },
    snapshotIsolation: true,
    close: async () => {},
  };
});
