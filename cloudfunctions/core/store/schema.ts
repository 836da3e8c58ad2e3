/**
 * Every collection and its indexes, declared once. SQLite applies them on open; `npm run db:indexes`
 * prints them for the CloudBase console, where indexes are created by hand or by the CLI.
 */
export interface IndexSpec {
  fields: [string, 'asc' | 'desc'][];
  unique?: boolean;
}

export const COLLECTIONS: Record<string, IndexSpec[]> = {
  users: [{ fields: [['openid', 'asc']], unique: true }, { fields: [['residency.communityId', 'asc'], ['residency.status', 'asc']] }],
  communities: [{ fields: [['streetId', 'asc']] }],
  audit: [
    { fields: [['communityId', 'asc'], ['seq', 'asc']], unique: true },
    { fields: [['targetId', 'asc'], ['seq', 'asc']] },
    { fields: [['actorId', 'asc']] },
  ],
  auditHeads: [],
  notices: [
    { fields: [['audience', 'asc'], ['status', 'asc'], ['publishAt', 'desc']] },
    { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
  ],
  noticeReads: [{ fields: [['userId', 'asc']] }],
  inbox: [{ fields: [['userId', 'asc'], ['createdAt', 'desc']] }],
  files: [],
};

export type CollectionName = keyof typeof COLLECTIONS;

export function indexName(collection: string, spec: IndexSpec): string {
  return `${collection}_${spec.fields.map(([f]) => f.replace(/\./g, '_')).join('_')}${spec.unique ? '_unique' : ''}`;
}
