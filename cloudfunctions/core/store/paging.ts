import { MAX_PAGE, type Doc, type QueryOptions, type Store } from './port';

/**
 * Every document a query matches, page by page (CloudBase returns at most 100 per call). For the few places
 * that must see all of something: an export, a notification list, a timeline.
 */
export async function queryAll<T extends Doc>(store: Store, collection: string, options: Omit<QueryOptions, 'limit' | 'cursor'> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await store.query<T>(collection, { ...options, limit: MAX_PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * The documents a query matches, a page at a time, for work that must see all of them but should hold only one
 * page in memory (an export of thousands of rows).
 */
export async function* pagesOf<T extends Doc>(store: Store, collection: string, options: Omit<QueryOptions, 'limit' | 'cursor'> = {}): AsyncGenerator<T[]> {
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await store.query<T>(collection, { ...options, limit: MAX_PAGE, cursor });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
