import { findChainBreak } from '@shared/audit/chain';
import type { AuditEntryView, userContract } from '@shared/contract';
import { type AuditDoc, type AuditHead, type SealedAuditDoc } from '../core/audit';
import { SEAL_BATCH, sealAudit, sealWhatIsDue } from '../core/audit-sealing';
import type { Handler } from '../core/router';
import { MAX_PAGE, type Filter, type Page, type QueryOptions, type Store } from '../core/store/port';

type C = typeof userContract;

/** How much a check seals before it walks the chain: a couple of batches, so the check stays quick. */
const SEAL_BEFORE_CHECK = 2 * SEAL_BATCH;

export function auditEntryView(e: AuditDoc): AuditEntryView {
  const { _id, sealed, seq, at, actorId, actorRole, action, targetType, targetId, before, after, note } = e;
  return { id: _id, sealed, seq: seq ?? 0, at, actorId, actorRole, action, targetType, targetId, before, after, note };
}

/** Newest first, sealed or not: a change shows in the trail at once and gets its number when sealed. */
export const auditTrail: Handler<C['auditTrail']> = async (input, ctx) => {
  const where: Filter = { communityId: input.communityId };
  if (input.targetId) where.targetId = input.targetId;
  const options: QueryOptions = { where, orderBy: [['_id', 'desc']], limit: input.limit, cursor: input.cursor };
  let page = await ctx.store.query<AuditDoc>('audit', options);
  if (await sealWhatIsDue(ctx.store, page.items, ctx.now)) page = await ctx.store.query<AuditDoc>('audit', options);
  return { items: page.items.map(auditEntryView), nextCursor: page.nextCursor };
};

/**
 * Seals what is due, then walks the sealed chain in pages and names the first broken link. Entries still
 * inside the sealing window are counted, not checked.
 */
export const verifyAuditChain: Handler<C['verifyAuditChain']> = async (input, ctx) => {
  const { communityId } = input;
  await sealAudit(ctx.store, communityId, ctx.now, { max: SEAL_BEFORE_CHECK });
  const unsealed = await ctx.store.count('audit', { communityId, sealed: false });
  // The head before the walk: a sealer running meanwhile only adds entries past it, never a false gap.
  const head = await ctx.store.get<AuditHead>('auditHeads', communityId);
  const walk = await walkChain(ctx.store, communityId);
  if (walk.broken) return { ok: false, checked: walk.checked, brokenAt: walk.broken.seq, reason: walk.broken.reason, unsealed };
  if (head && head.seq > walk.lastSeq) {
    const missing = walk.lastSeq + 1;
    return { ok: false, checked: walk.checked, brokenAt: missing, reason: `第${missing}条之后的记录缺失`, unsealed };
  }
  return { ok: true, checked: walk.checked, brokenAt: null, reason: null, unsealed };
};

async function walkChain(store: Store, communityId: string) {
  let last: SealedAuditDoc | undefined;
  let checked = 0;
  let cursor: string | null = null;
  do {
    const page: Page<AuditDoc> = await store.query<AuditDoc>('audit', {
      where: { communityId, sealed: true },
      orderBy: [['seq', 'asc']],
      limit: MAX_PAGE,
      cursor,
    });
    // Typed as sealed because the query asked for sealed ones; a tampered entry is what the check is for.
    const entries = page.items as SealedAuditDoc[];
    const broken = findChainBreak(entries, last);
    if (broken) return { broken, checked: checked + Math.max(0, broken.seq - (last?.seq ?? 0) - 1), lastSeq: last?.seq ?? 0 };
    checked += entries.length;
    if (entries.length) last = entries[entries.length - 1];
    cursor = page.nextCursor;
  } while (cursor);
  return { broken: null, checked, lastSeq: last?.seq ?? 0 };
}
