/**
 * Collections and their indexes. SQLite and the memory store apply them on open; `npm run db:indexes` prints
 * them for the CloudBase console, where indexes are created by hand or by the CLI.
 */
import { MODULES } from '../../modules';

export interface IndexSpec {
  fields: [string, 'asc' | 'desc'][];
  unique?: boolean;
}

/** The platform's own collections; each module declares its own in its manifest. */
const CORE_COLLECTIONS: Record<string, IndexSpec[]> = {
  audit: [
    // One entry per place in a chain; `slot` is never missing, so CloudBase's null-as-a-value rule cannot bite.
    { fields: [['slot', 'asc']], unique: true },
    // The chain walk (sealed, by seq) and the sealer's queue (unsealed, in time then id order).
    { fields: [['communityId', 'asc'], ['sealed', 'asc'], ['seq', 'asc']] },
    { fields: [['communityId', 'asc'], ['sealed', 'asc'], ['at', 'asc']] },
    { fields: [['sealed', 'asc'], ['at', 'asc']] },
    // Readers: the audit trail and the timelines, newest or oldest first by id.
    { fields: [['communityId', 'asc'], ['_id', 'desc']] },
    { fields: [['targetId', 'asc'], ['_id', 'asc']] },
    { fields: [['actorId', 'asc']] },
  ],
  auditHeads: [],
  files: [],
  // The router's (request-guard.ts): answers kept for retried creates (`at`, to sweep old ones by), and one rate
  // counter per person, read and written by id only.
  requestKeys: [{ fields: [['at', 'asc']] }],
  rateCounters: [],
};

/**
 * Every collection and its indexes: the platform's and each module's (`cloudfunctions/modules.ts`). A function,
 * not a constant: the stores ask when they open, after every module has loaded.
 */
export function collections(): Record<string, IndexSpec[]> {
  const all: Record<string, IndexSpec[]> = { ...CORE_COLLECTIONS };
  for (const m of MODULES) {
    for (const [name, indexes] of Object.entries(m.collections)) {
      if (name in all) throw new Error(`collection ${name} is declared twice (module ${m.shared.name})`);
      all[name] = indexes;
    }
  }
  return all;
}

export function indexName(collection: string, spec: IndexSpec): string {
  return `${collection}_${spec.fields.map(([f]) => f.replace(/\./g, '_')).join('_')}${spec.unique ? '_unique' : ''}`;
}
