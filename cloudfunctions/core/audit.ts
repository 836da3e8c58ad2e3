import type { AuditFields, ChainedEntry } from '@shared/audit/chain';
import type { TxStore } from './store/port';

/**
 * How long an entry waits before the sealer may link it into the chain. Entries carry the time their request
 * started, and a request's transaction commits within the function time limit (10 s, cloudbaserc.json) or
 * never; past this window no entry can still turn up with an earlier time than one already sealed. The margin
 * over 10 s covers clock drift between function instances.
 */
export const SEALING_WINDOW_MS = 60_000;

/** The chain's end: the last sealed entry of one community (or street). Only the sealer writes it. */
export interface AuditHead {
  _id: string;
  seq: number;
  hash: string;
}

/**
 * An entry as stored. It is appended unsealed (no `seq`, `prevHash` or `hash`) in the change's own
 * transaction; the sealer later gives it its place in the chain.
 */
export type AuditDoc = Omit<ChainedEntry, 'seq' | 'prevHash' | 'hash'> & {
  _id: string;
  sealed: boolean;
  /** Unique across the collection: see `sealedSlot`. */
  slot: string;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
};

export type SealedAuditDoc = AuditDoc & ChainedEntry & { sealed: true };

export type AuditInput = Omit<AuditFields, 'seq'>;

/** Entries this instance has made: orders those made within one millisecond. Lives in memory only. */
let made = 0;

/**
 * Sorts by the request's time, then by the order this instance made them. Unique without any shared
 * counter: the request id is random.
 */
export function auditEntryId(at: number, requestId: string): string {
  made += 1;
  return `a_${String(at).padStart(13, '0')}_${made.toString(36).padStart(8, '0')}_${requestId}`;
}

/**
 * The unique key that keeps one entry per place in a chain. CloudBase, like MongoDB, indexes a missing or
 * null field as null, so a unique index on (communityId, seq) would allow only one unsealed entry; an
 * unsealed entry's slot is therefore its own id, and a sealed one's is its place in the chain.
 */
export function sealedSlot(communityId: string, seq: number): string {
  return `${communityId}#${seq}`;
}

function unsealedSlot(id: string): string {
  return `unsealed:${id}`;
}

/**
 * Records an entry inside the caller's transaction, so the change and its record land together or not at
 * all. One write, to a document no other request touches: nothing here is shared by the community.
 */
export async function appendAudit(tx: TxStore, input: AuditInput): Promise<AuditDoc> {
  const _id = auditEntryId(input.at, input.requestId);
  const entry: AuditDoc = {
    _id,
    ...input,
    before: input.before ?? null,
    after: input.after ?? null,
    sealed: false,
    slot: unsealedSlot(_id),
    seq: null,
    prevHash: null,
    hash: null,
  };
  await tx.create('audit', entry);
  return entry;
}

/** Whether the sealer may link this entry at `now`. */
export function isDue(entry: AuditDoc, now: number): boolean {
  return !entry.sealed && entry.at <= now - SEALING_WINDOW_MS;
}
