import { entryHash, GENESIS_HASH, type ChainedEntry } from '@shared/audit/chain';
import type { TxStore } from './store/port';

interface AuditHead {
  _id: string;
  seq: number;
  hash: string;
}

export type AuditDoc = ChainedEntry & { _id: string };

export type AuditInput = Omit<ChainedEntry, 'seq' | 'prevHash' | 'hash'>;

/** Zero-padded so ids sort in sequence order. */
export function auditId(communityId: string, seq: number): string {
  return `${communityId}:${String(seq).padStart(10, '0')}`;
}

/**
 * Appends an entry to the community's hash chain inside the caller's transaction, so the change and its
 * record land together or not at all. The head document serialises appends per community.
 */
export async function appendAudit(tx: TxStore, input: AuditInput): Promise<AuditDoc> {
  const headId = input.communityId;
  const head = await tx.get<AuditHead>('auditHeads', headId);
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields = { ...input, seq, before: input.before ?? null, after: input.after ?? null };
  const entry: AuditDoc = { _id: auditId(input.communityId, seq), ...fields, prevHash, hash: entryHash(prevHash, fields) };
  await tx.create('audit', entry);
  if (head) await tx.update('auditHeads', headId, { seq, hash: entry.hash });
  else await tx.create('auditHeads', { _id: headId, seq, hash: entry.hash });
  return entry;
}
