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
    { fields: [['scope', 'asc'], ['updatedAt', 'desc']] },
  ],
  noticeReads: [{ fields: [['userId', 'asc']] }],
  inbox: [{ fields: [['userId', 'asc'], ['createdAt', 'desc']] }],
  consultations: [
    { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
    { fields: [['hostId', 'asc'], ['updatedAt', 'desc']] },
    { fields: [['step', 'asc'], ['updatedAt', 'desc']] },
    { fields: [['communityId', 'asc'], ['topicApproval', 'asc'], ['updatedAt', 'desc']] },
  ],
  opinions: [
    { fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
    { fields: [['communityId', 'asc'], ['supportCount', 'desc']] },
    { fields: [['consultationId', 'asc'], ['createdAt', 'desc']] },
  ],
  opinionSupports: [{ fields: [['opinionId', 'asc']] }, { fields: [['userId', 'asc']] }],
  opinionComments: [{ fields: [['opinionId', 'asc'], ['createdAt', 'asc']] }, { fields: [['authorId', 'asc']] }],
  signups: [{ fields: [['consultationId', 'asc'], ['status', 'asc'], ['seq', 'asc']] }, { fields: [['userId', 'asc']] }],
  attendance: [{ fields: [['consultationId', 'asc'], ['at', 'asc']] }],
  votes: [{ fields: [['consultationId', 'asc'], ['choice', 'asc']] }],
  meetingPoints: [{ fields: [['consultationId', 'asc'], ['seq', 'asc']] }],
  progressUpdates: [{ fields: [['consultationId', 'asc'], ['at', 'asc']] }],
  ratings: [{ fields: [['consultationId', 'asc']] }, { fields: [['userId', 'asc']] }],
  files: [],
  // The router's: replayed answers to retried creates (`at` for sweeping old ones), and per-person rate counters.
  requestKeys: [{ fields: [['at', 'asc']] }],
  rateCounters: [],
};

export type CollectionName = keyof typeof COLLECTIONS;

export function indexName(collection: string, spec: IndexSpec): string {
  return `${collection}_${spec.fields.map(([f]) => f.replace(/\./g, '_')).join('_')}${spec.unique ? '_unique' : ''}`;
}
