import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** The first link of every community's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface AuditFields {
  communityId: string;
  seq: number;
  at: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  note: string | null;
  requestId: string;
}

export interface ChainedEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

/** JSON with keys sorted at every level, so the same entry always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, fields: AuditFields): string {
  const { communityId, seq, at, actorId, actorRole, action, targetType, targetId, before, after, note, requestId } = fields;
  const covered = { communityId, seq, at, actorId, actorRole, action, targetType, targetId, before, after, note, requestId };
  return bytesToHex(sha256(utf8ToBytes(prevHash + canonicalJson(covered))));
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks a run of entries in sequence order, continuing from `prev` (the last good entry before them).
 * Returns the first broken link: an edited entry, a removed one (a gap in the sequence), or a reordered one.
 */
export function findChainBreak(
  entries: readonly ChainedEntry[],
  prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let last = prev;
  for (const entry of entries) {
    if (entry.seq !== last.seq + 1) return { seq: last.seq + 1, reason: `第${last.seq + 1}条记录缺失` };
    if (entry.prevHash !== last.hash) return { seq: entry.seq, reason: `第${entry.seq}条记录与上一条不衔接` };
    if (entryHash(entry.prevHash, entry) !== entry.hash) return { seq: entry.seq, reason: `第${entry.seq}条记录被改动` };
    last = entry;
  }
  return null;
}
