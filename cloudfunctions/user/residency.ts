import type { userContract, ResidencyApplication } from '@shared/contract';
import { AppError } from '@shared/errors';
import { householdKey } from '@shared/user/household';
import type { UserDoc } from '../core/caller';
import type { Handler } from '../core/router';
import type { Store } from '../core/store/port';
import { ensureUser, withCommunityName } from './profile';
import { displayName, getCommunity, requireUser, residencyView } from './records';

type C = typeof userContract;

/** How many neighbours at one flat an application shows; more than a few says enough. */
const SAME_HOUSEHOLD_SHOWN = 5;

export const applyResidency: Handler<C['applyResidency']> = async (input, ctx) => {
  // The community first: a refused application must not leave a new user record behind.
  const community = await getCommunity(ctx.store, input.communityId);
  const user = await ensureUser(ctx);
  if (user.residency?.status === 'approved') throw new AppError('INVALID_STATE', '您已通过居民认证，如需更换社区请联系社区工作者');
  if (user.residency?.status === 'pending') throw new AppError('INVALID_STATE', '您的认证申请正在审核中，请耐心等待');
  const residency: NonNullable<UserDoc['residency']> = {
    communityId: community._id,
    ...(input.name !== undefined ? { name: input.name } : {}),
    building: input.building,
    unit: input.unit,
    ...(input.room !== undefined ? { room: input.room } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    household: householdKey(input),
    status: 'pending' as const,
    reason: null,
    appliedAt: ctx.now,
    reviewedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    // The condition stops two simultaneous applications from both landing.
    const applied = await tx.update('users', user._id, { residency, updatedAt: ctx.now }, { if: { 'residency.status': { in: [null, 'rejected'] } } });
    if (!applied) throw new AppError('CONFLICT', '申请已提交，请勿重复提交');
    await ctx.audit(tx, {
      communityId: community._id,
      action: 'residency.apply',
      targetType: 'user',
      targetId: user._id,
      before: user.residency?.status ?? null,
      after: 'pending',
    });
  });
  return withCommunityName(ctx, { ...user, residency });
};

export const listResidencyApplications: Handler<C['listResidencyApplications']> = async (input, ctx) => {
  const community = await getCommunity(ctx.store, input.communityId);
  const page = await ctx.store.query<UserDoc>('users', {
    where: { 'residency.communityId': input.communityId, 'residency.status': input.status ?? 'pending' },
    orderBy: [['residency.appliedAt', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  const items = await Promise.all(page.items.map(async (u) => application(u, community.name, await sameHousehold(ctx.store, u))));
  return { items, nextCursor: page.nextCursor };
};

/** For the badge on 我的 and the staff entry: one count per community the caller is staff of. */
export const countResidencyApplications: Handler<C['countResidencyApplications']> = async (_input, ctx) => {
  const communities = (ctx.caller.user?.roles ?? []).filter((r) => r.role === 'staff').map((r) => r.communityId);
  return Promise.all(
    communities.map(async (communityId) => ({
      communityId,
      pending: await ctx.store.count('users', { 'residency.communityId': communityId, 'residency.status': 'pending' }),
    })),
  );
};

export const reviewResidency: Handler<C['reviewResidency']> = async (input, ctx) => {
  const user = await requireUser(ctx.store, input.userId);
  const residency = user.residency;
  if (!residency || residency.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理或不存在');
  const status = input.approve ? ('approved' as const) : ('rejected' as const);
  // The phone was only for checking this application: collect the minimum, keep it no longer.
  const { phone: _checked, ...kept } = residency;
  const next = { ...kept, status, reason: input.approve ? null : (input.reason ?? null), reviewedAt: ctx.now };
  await ctx.store.transaction(async (tx) => {
    const done = await tx.update('users', user._id, { residency: next, updatedAt: ctx.now }, { if: { 'residency.status': 'pending' } });
    if (!done) throw new AppError('CONFLICT', '该申请已被其他工作人员处理');
    await ctx.audit(tx, {
      communityId: residency.communityId,
      action: input.approve ? 'residency.approve' : 'residency.reject',
      targetType: 'user',
      targetId: user._id,
      before: 'pending',
      after: status,
      note: next.reason,
    });
  });
  const community = await getCommunity(ctx.store, residency.communityId);
  return application({ ...user, residency: next }, community.name, []);
};

/** Verified residents of the same community at the applicant's flat, by its key. */
async function sameHousehold(store: Store, user: UserDoc): Promise<ResidencyApplication['sameHousehold']> {
  const r = user.residency;
  if (!r?.household) return [];
  const { items } = await store.query<UserDoc>('users', {
    where: { 'residency.communityId': r.communityId, 'residency.household': r.household, 'residency.status': 'approved' },
    limit: SAME_HOUSEHOLD_SHOWN,
  });
  return items.filter((u) => u._id !== user._id).map((u) => ({ userId: u._id, name: u.residency?.name || displayName(u) }));
}

function application(user: UserDoc, communityName: string, neighbours: ResidencyApplication['sameHousehold']): ResidencyApplication {
  if (!user.residency) throw new AppError('NOT_FOUND');
  return { userId: user._id, nickname: user.nickname, residency: residencyView(user.residency, communityName), sameHousehold: neighbours };
}
