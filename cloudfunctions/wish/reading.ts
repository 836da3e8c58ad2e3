import type { WishTimelineEntry, wishContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { isPublic, type WishStatus } from '@shared/wish/rules';
import { PRIVATE_WISH_ACTIONS, WISH_AUDIT_LABELS } from '@shared/wish/timeline';
import type { AuditDoc } from '../core/audit';
import { sealWhatIsDue } from '../core/audit-sealing';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { Filter } from '../core/store/port';
import { viewerOf, viewFor } from './access';
import { cardView, requireWish, type WishDoc } from './records';

type C = typeof wishContract;

/** On the wall: waiting for a claim, or being made true. */
const ON_THE_WALL: WishStatus[] = ['published', 'claimed', 'fulfilled'];

/** The public wall: masked names and buildings only, whoever asks. Open wishes first among equals: newest first. */
export const wall: Handler<C['wall']> = async (input, ctx) => {
  const where: Filter = { communityId: input.communityId, status: input.onlyClaimable ? 'published' : { in: ON_THE_WALL } };
  if (input.category) where.category = input.category;
  const page = await ctx.store.query<WishDoc>('wishes', { where, orderBy: [['publishedAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(cardView), nextCursor: page.nextCursor };
};

/**
 * Before staff publish it, and after it is turned down or withdrawn, a wish is the wisher's and staff's business:
 * anyone else is told it does not exist.
 */
function requireVisible(ctx: HandlerContext, wish: WishDoc): void {
  if (isPublic(wish.status) || wish.status === 'expired') return;
  const viewer = viewerOf(ctx.caller, wish.communityId);
  if (viewer.staff || (viewer.userId !== null && viewer.userId === wish.wisherId)) return;
  throw new AppError('NOT_FOUND', '心愿不存在或未公开');
}

export const get: Handler<C['get']> = async (input, ctx) => {
  const wish = await requireWish(ctx.store, input.id);
  requireVisible(ctx, wish);
  return viewFor(ctx, wish);
};

/**
 * A wish's story, read from the audit log: it can say nothing the log does not. Notes (a refusal's reason, a
 * release's cause, a phone call) are for the wisher, the claimant and staff.
 */
export const timeline: Handler<C['timeline']> = async (input, ctx) => {
  const wish = await requireWish(ctx.store, input.id);
  requireVisible(ctx, wish);
  const view = viewFor(ctx, wish);
  const insider = view.contact !== null;
  const read = () => queryAll<AuditDoc>(ctx.store, 'audit', { where: { targetId: wish._id }, orderBy: [['_id', 'asc']] });
  let entries = await read();
  if (await sealWhatIsDue(ctx.store, entries, ctx.now)) entries = await read();
  return entries.filter((e) => !PRIVATE_WISH_ACTIONS.has(e.action)).map((e) => timelineEntry(e, insider));
};

function timelineEntry(e: AuditDoc, insider: boolean): WishTimelineEntry {
  const before = e.before as { status?: WishStatus } | null;
  const after = e.after as { status?: WishStatus } | null;
  return {
    id: e._id,
    at: e.at,
    actorRole: e.actorRole,
    action: e.action,
    label: WISH_AUDIT_LABELS[e.action] ?? e.action,
    from: before?.status ?? null,
    to: after?.status ?? null,
    note: insider ? e.note : null,
  };
}

export const mine: Handler<C['mine']> = async (input, ctx) => {
  const page = await ctx.store.query<WishDoc>('wishes', { where: { wisherId: ctx.caller.user?._id ?? '-' }, orderBy: [['createdAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map((w) => viewFor(ctx, w)), nextCursor: page.nextCursor };
};

export const myClaims: Handler<C['myClaims']> = async (input, ctx) => {
  const page = await ctx.store.query<WishDoc>('wishes', { where: { claimantId: ctx.caller.user?._id ?? '-' }, orderBy: [['updatedAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map((w) => viewFor(ctx, w)), nextCursor: page.nextCursor };
};

/** Staff's list: every wish of the community, or those in one state; the review queue oldest first. */
export const manage: Handler<C['manage']> = async (input, ctx) => {
  const where: Filter = { communityId: input.communityId };
  if (input.status) where.status = input.status;
  const oldestFirst = input.status === 'submitted' || input.status === 'claimed';
  const page = await ctx.store.query<WishDoc>('wishes', {
    where,
    orderBy: oldestFirst && input.status === 'claimed' ? [['claimDueAt', 'asc'], ['_id', 'asc']] : [['createdAt', oldestFirst ? 'asc' : 'desc'], ['_id', oldestFirst ? 'asc' : 'desc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((w) => viewFor(ctx, w)), nextCursor: page.nextCursor };
};
