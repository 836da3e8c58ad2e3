import { entryHash, GENESIS_HASH } from '@shared/audit/chain';
import { isDue, sealedSlot, SEALING_WINDOW_MS, type AuditDoc, type AuditHead } from './audit';
import { DuplicateError, MAX_PAGE, type Store, type TxStore } from './store/port';

/** Entries linked per transaction: small enough that one sealing transaction stays well inside the time limit. */
export const SEAL_BATCH = 50;

/** What one sealer run links at most unless told otherwise: four batches fit in one function's time. */
export const SEAL_MAX = 200;

/** Another sealer moved the chain since this one read it; its batch is dropped, not forked onto the old end. */
class ChainMoved extends Error {}

/**
 * Links due entries (older than the sealing window) into their chain, in id order, and returns how many it
 * linked. `chain` is a community (or street) id, or 'all' for every chain with due entries. Safe to run
 * twice or at once: an entry is linked only while unsealed, and the head only moves from where this run read it.
 */
export async function sealAudit(store: Store, chain: string | 'all', now: number, options: { max?: number } = {}): Promise<number> {
  const max = options.max ?? SEAL_MAX;
  const cutoff = now - SEALING_WINDOW_MS;
  if (chain !== 'all') return sealChain(store, chain, cutoff, max);
  let total = 0;
  while (total < max) {
    const due = await store.query<AuditDoc>('audit', { where: { sealed: false, at: { lte: cutoff } }, orderBy: [['at', 'asc'], ['_id', 'asc']], limit: MAX_PAGE });
    const chains = [...new Set(due.items.map((e) => e.communityId))];
    let linked = 0;
    for (const id of chains) linked += await sealChain(store, id, cutoff, max - total - linked);
    total += linked;
    if (!linked || !due.nextCursor) break;
  }
  return total;
}

async function sealChain(store: Store, communityId: string, cutoff: number, max: number): Promise<number> {
  let total = 0;
  while (total < max) {
    const due = await store.query<AuditDoc>('audit', {
      where: { communityId, sealed: false, at: { lte: cutoff } },
      orderBy: [['at', 'asc'], ['_id', 'asc']],
      limit: Math.min(SEAL_BATCH, max - total),
    });
    if (!due.items.length) break;
    const linked = await linkBatch(store, communityId, due.items);
    // Nothing linked means another sealer is working on this chain; it carries on from here.
    if (!linked) break;
    total += linked;
  }
  return total;
}

async function linkBatch(store: Store, communityId: string, entries: AuditDoc[]): Promise<number> {
  try {
    return await store.transaction((tx) => link(tx, communityId, entries));
  } catch (error) {
    if (error instanceof ChainMoved || error instanceof DuplicateError) return 0;
    throw error;
  }
}

/**
 * One transaction: move the head first, on the condition that it is still where it was read, then give each
 * entry its place, on the condition that it is still unsealed. Either guard failing undoes the whole batch.
 */
async function link(tx: TxStore, communityId: string, entries: AuditDoc[]): Promise<number> {
  const head = await tx.get<AuditHead>('auditHeads', communityId);
  let last = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
  const links = entries.map((entry) => {
    const seq = last.seq + 1;
    const prevHash = last.hash;
    const hash = entryHash(prevHash, { ...entry, seq });
    last = { seq, hash };
    return { entry, seq, prevHash, hash };
  });
  if (!head) await tx.create<AuditHead>('auditHeads', { _id: communityId, ...last });
  else if (!(await tx.update('auditHeads', communityId, last, { if: { seq: head.seq } }))) throw new ChainMoved();
  for (const { entry, seq, prevHash, hash } of links) {
    const patch = { seq, prevHash, hash, sealed: true, slot: sealedSlot(communityId, seq) };
    if (!(await tx.update('audit', entry._id, patch, { if: { sealed: false } }))) throw new ChainMoved();
  }
  return links.length;
}

/**
 * For readers of the log: when any entry they read is due, seal its chain (one batch, so a read stays quick)
 * and say so, so they read again and show it in place.
 */
export async function sealWhatIsDue(store: Store, entries: readonly AuditDoc[], now: number): Promise<boolean> {
  const chains = [...new Set(entries.filter((e) => isDue(e, now)).map((e) => e.communityId))];
  for (const chain of chains) await sealAudit(store, chain, now, { max: SEAL_BATCH });
  return chains.length > 0;
}
