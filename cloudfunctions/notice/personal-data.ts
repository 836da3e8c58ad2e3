import type { Store } from '../core/store/port';

/** What the notice module holds about one person, for the privacy export. */
export async function noticeRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const reads = await store.query('noticeReads', { where: { userId }, orderBy: [['at', 'desc']], limit: 100 });
  return { noticeReads: reads.items };
}
