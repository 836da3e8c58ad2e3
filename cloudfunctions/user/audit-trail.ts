import { findChainBreak } from '@shared/audit/chain';
import type { AuditEntryView, userContract } from '@shared/contract';
import type { AuditDoc } from '../core/audit';
import type { Handler } from '../core/router';
import { MAX_PAGE, type Filter } from '../core/store/port';

type C = typeof userContract;

export function auditEntryView(e: AuditDoc): AuditEntryView {
  const { seq, at, actorId, actorRole, action, targetType, targetId, before, after, note } = e;
  return { seq, at, actorId, actorRole, action, targetType, targetId, before, after, note };
}

export const auditTrail: Handler<C['auditTrail']> = async (input, ctx) => {
  const where: Filter = { communityId: input.communityId };
  if (input.targetId) where.targetId = input.targetId;
  const page = await ctx.store.query<AuditDoc>('audit', { where, orderBy: [['seq', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(auditEntryView), nextCursor: page.nextCursor };
};

/** Walks the whole chain in pages and names the first broken link. */
export const verifyAuditChain: Handler<C['verifyAuditChain']> = async (input, ctx) => {
  let last = undefined as { seq: number; hash: string } | undefined;
  let checked = 0;
  let cursor: string | null = null;
  do {
    const page: { items: AuditDoc[]; nextCursor: string | null } = await ctx.store.query<AuditDoc>('audit', {
      where: { communityId: input.communityId },
      orderBy: [['seq', 'asc']],
      limit: MAX_PAGE,
      cursor,
    });
    const broken = findChainBreak(page.items, last);
    if (broken) return { ok: false, checked: checked + Math.max(0, broken.seq - (last?.seq ?? 0) - 1), brokenAt: broken.seq, reason: broken.reason };
    checked += page.items.length;
    if (page.items.length) last = page.items[page.items.length - 1];
    cursor = page.nextCursor;
  } while (cursor);
  const head = await ctx.store.get<{ _id: string; seq: number }>('auditHeads', input.communityId);
  if (head && head.seq !== (last?.seq ?? 0)) {
    return { ok: false, checked, brokenAt: (last?.seq ?? 0) + 1, reason: `第${(last?.seq ?? 0) + 1}条之后的记录缺失` };
  }
  return { ok: true, checked, brokenAt: null, reason: null };
};
