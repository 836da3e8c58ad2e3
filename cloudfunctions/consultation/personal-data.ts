import { queryAll } from '../core/store/paging';
import type { Store } from '../core/store/port';

/** Where the consultation module keeps something about a person, by the field naming them. */
const HOLDINGS: [collection: string, field: string][] = [
  ['opinions', 'authorId'],
  ['opinionSupports', 'userId'],
  ['opinionComments', 'authorId'],
  ['signups', 'userId'],
  ['attendance', 'userId'],
  ['ratings', 'userId'],
];

/** What the consultation module holds about one person, for the privacy export. */
export async function consultationRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const records: Record<string, unknown[]> = {};
  for (const [collection, field] of HOLDINGS) records[collection] = await queryAll<{ _id: string }>(store, collection, { where: { [field]: userId } });
  return records;
}

/**
 * On erasure the person's opinions, comments, sign-ups and attendance keep their place in the record (counts and
 * timelines stay true) but stop showing their name.
 */
export async function forgetConsultationNames(store: Store, userId: string): Promise<void> {
  const named: [collection: string, field: string, nameField: string][] = [
    ['opinions', 'authorId', 'authorName'],
    ['opinionComments', 'authorId', 'authorName'],
    ['signups', 'userId', 'name'],
    ['attendance', 'userId', 'name'],
  ];
  for (const [collection, field, nameField] of named) {
    for (const doc of await queryAll<{ _id: string }>(store, collection, { where: { [field]: userId } })) await store.update(collection, doc._id, { [nameField]: '已注销用户' });
  }
}
