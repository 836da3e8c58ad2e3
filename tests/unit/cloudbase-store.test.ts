/**
 * The CloudBase adapter against a stand-in for the SDK's database, for what the contract suite can only check with
 * credentials: how many rows it asks for, and what it does with a missing collection inside a transaction.
 */
import { CloudBaseStore, type CloudBaseApp } from '../../cloudfunctions/core/store/cloudbase';

type Row = { _id: string };

interface Asked {
  skip: number;
  limit: number;
}

/** A query over `rows` (already in order) that records each `get`'s skip and limit, as the server would see them. */
function fakeApp(rows: Row[]) {
  const asked: Asked[] = [];
  const query = (skip = 0, limit = 100): Record<string, unknown> => ({
    where: () => query(skip, limit),
    orderBy: () => query(skip, limit),
    skip: (n: number) => query(n, limit),
    limit: (n: number) => query(skip, n),
    field: () => query(skip, limit),
    get: async () => {
      asked.push({ skip, limit });
      return { data: rows.slice(skip, skip + limit) };
    },
  });
  const missing = () => {
    throw Object.assign(new Error('DATABASE_COLLECTION_NOT_EXIST'), { code: 'DATABASE_COLLECTION_NOT_EXIST' });
  };
  const db = {
    command: {},
    collection: () => query(),
    runTransaction: async (fn: (t: unknown) => Promise<unknown>) =>
      fn({ collection: () => ({ doc: () => ({ get: async () => missing() }) }) }),
  };
  return { app: { database: () => db } as unknown as CloudBaseApp, asked };
}

const rowsOf = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ _id: `r${String(i).padStart(3, '0')}` }));

describe('CloudBase paging', () => {
  test('never asks the server for more than 100 rows in one call', async () => {
    const { app, asked } = fakeApp(rowsOf(250));
    const store = new CloudBaseStore({ app });
    let cursor: string | null = null;
    do cursor = (await store.query('c', { limit: 100, cursor })).nextCursor;
    while (cursor);
    expect(Math.max(...asked.map((a) => a.limit))).toBeLessThanOrEqual(100);
  });

  test('exactly 100 rows left: the full page comes with no cursor, after one one-row probe', async () => {
    const { app, asked } = fakeApp(rowsOf(150));
    const page = await new CloudBaseStore({ app }).query('c', { limit: 100, cursor: 'o1e' /* 50 */ });
    expect(page.items).toHaveLength(100);
    expect(page.nextCursor).toBeNull();
    expect(asked).toEqual([
      { skip: 50, limit: 100 },
      { skip: 150, limit: 1 },
    ]);
  });

  test('101 rows left: the full page has a cursor, and the next page holds the last row', async () => {
    const { app } = fakeApp(rowsOf(101));
    const store = new CloudBaseStore({ app });
    const first = await store.query('c', { limit: 100 });
    expect(first.nextCursor).not.toBeNull();
    const second = await store.query('c', { limit: 100, cursor: first.nextCursor });
    expect(second.items).toEqual([{ _id: 'r100' }]);
    expect(second.nextCursor).toBeNull();
  });

  test('a page under 100 asks for one row more and needs no probe', async () => {
    const { app, asked } = fakeApp(rowsOf(10));
    const page = await new CloudBaseStore({ app }).query('c', { limit: 10 });
    expect(page.nextCursor).toBeNull();
    expect(asked).toEqual([{ skip: 0, limit: 11 }]);
  });
});

test('a transaction read of a missing collection is null and the transaction goes on', async () => {
  const { app } = fakeApp([]);
  const store = new CloudBaseStore({ app });
  expect(await store.transaction(async (tx) => ({ got: await tx.get('never_made', 'x') }))).toEqual({ got: null });
});
