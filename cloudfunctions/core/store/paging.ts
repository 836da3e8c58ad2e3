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
