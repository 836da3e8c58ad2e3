import type { Store } from '../core/store/port';

/** Every page of a query, for the few places that must see all of one person's records. */
async function all(store: Store, collection: string, where: Record<string, string>): Promise<{ _id: string }[]> {
  const items: { _id: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { _id: string }[]; nextCursor: string | null } = await store.query(collection, { where, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Where the consultation module keeps something about a person, by the field naming them. */
const HOLDINGS: [collection: string, field: string][] = [
  ['opinions', 'authorId'],
  ['opinionSupports', 'userId'],
  ['opinionComments', 'authorId'],
  ['signups', 'userId'],
  ['ratings', 'userId'],
];

/** What the consultation module holds about one person, for the privacy export. */
export async function consultationRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const records: Record<string, unknown[]> = {};
  for (const [collection, field] of HOLDINGS) records[collection] = await all(store, collection, { [field]: userId });
  return records;
}

/**
 * On erasure the person's opinions, comments and sign-ups keep their place in the record (counts and
 * timelines stay true) but stop showing their name.
 */
export async function forgetConsultationNames(store: Store, userId: string): Promise<void> {
  const named: [collection: string, field: string, nameField: string][] = [
    ['opinions', 'authorId', 'authorName'],
    ['opinionComments', 'authorId', 'authorName'],
    ['signups', 'userId', 'name'],
  ];
  for (const [collection, field, nameField] of named) {
    for (const doc of await all(store, collection, { [field]: userId })) await store.update(collection, doc._id, { [nameField]: '已注销用户' });
  }
}
