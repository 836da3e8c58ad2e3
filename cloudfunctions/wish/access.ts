import { AppError } from '@shared/errors';
import { MOVES, WISH_STATUS_LABELS, type WishMove } from '@shared/wish/rules';
import { wishSettingsOf, type WishSettings } from '@shared/wish/settings';
import { hasRole, type Caller } from '../core/caller';
import { change } from '../core/change';
import type { HandlerContext } from '../core/router';
import { inc, type Filter, type Patch, type Store, type TxStore } from '../core/store/port';
import { getCommunity } from '../user/records';
import { wishView, type Viewer, type WishDoc } from './records';

export function viewerOf(caller: Caller, communityId: string): Viewer {
  return {
    userId: caller.user?._id ?? null,
    staff: hasRole(caller, 'staff', communityId),
    eligible: hasRole(caller, 'resident', communityId) || hasRole(caller, 'org', communityId),
  };
}

export function viewFor(ctx: HandlerContext, wish: WishDoc) {
  return wishView(wish, viewerOf(ctx.caller, wish.communityId), ctx.now);
}

export async function settingsOf(store: Store | TxStore, communityId: string): Promise<WishSettings> {
  return wishSettingsOf(await getCommunity(store, communityId));
}

/** The wisher's open-wish count goes down when a wish is done or closed: in the same transaction as that change. */
export async function closeForWisher(tx: TxStore, wish: Pick<WishDoc, 'wisherId'>): Promise<void> {
  if (wish.wisherId) await tx.update('wishers', wish.wisherId, { open: inc(-1) }, { if: { open: { gt: 0 } } });
}

/**
 * Moves a wish by one of the lifecycle's moves, only while it is still in the state the caller saw: when two people
 * act at once exactly one move applies, and the other is told where the wish is now (a lost claim: 已被认领).
 */
export async function moveWish(
  ctx: HandlerContext,
  wish: WishDoc,
  move: WishMove,
  patch: Patch,
  options: {
    action?: string;
    note?: string | null;
    guard?: Filter;
    /** Facts the dashboard folds from the entry (days to fulfil, points awarded), recorded beside the new status. */
    facts?: Record<string, number>;
    also?: (tx: TxStore, next: WishDoc) => Promise<void>;
  } = {},
): Promise<WishDoc> {
  const to = MOVES[move].to;
  return change(ctx, {
    collection: 'wishes',
    doc: wish,
    guard: options.guard ?? { status: wish.status },
    patch: { ...patch, status: to, updatedAt: ctx.now },
    audit: {
      action: options.action ?? `wish.${move}`,
      targetType: 'wish',
      communityId: wish.communityId,
      note: options.note ?? null,
      before: { status: wish.status },
      after: { status: to, ...options.facts },
    },
    refused: (now) => {
      if (!now) return new AppError('NOT_FOUND', '心愿不存在');
      if (move === 'claim' && now.status !== 'published') return new AppError('CONFLICT', '这个心愿已被认领，看看其他心愿吧');
      return new AppError('INVALID_STATE', `操作未生效：这个心愿刚刚有了变化，现在${WISH_STATUS_LABELS[now.status]}`);
    },
    also: options.also,
  });
}
