import type { userContract, ResidencyApplication } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { UserDoc } from '../core/caller';
import type { Handler } from '../core/router';
import { ensureUser, withCommunityName } from './profile';
import { getCommunity, requireUser } from './records';

type C = typeof userContract;

export const applyResidency: Handler<C['applyResidency']> = async (input, ctx) => {
  // The community first: a refused application must not leave a new user record behind.
  const community = await getCommunity(ctx.store, input.communityId);
  const user = await ensureUser(ctx);
  if (user.residency?.status === 'approved') throw new AppError('INVALID_STATE', '您已通过居民认证，如需更换社区请联系社区工作者');
  if (user.residency?.status === 'pending') throw new AppError('INVALID_STATE', '您的认证申请正在审核中，请耐心等待');
  const residency = {
    communityId: community._id,
    building: input.building,
    unit: input.unit,
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
  return { items: page.items.map((u) => application(u, community.name)), nextCursor: page.nextCursor };
};

export const reviewResidency: Handler<C['reviewResidency']> = async (input, ctx) => {
  const user = await requireUser(ctx.store, input.userId);
  const residency = user.residency;
  if (!residency || residency.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理或不存在');
  const status = input.approve ? ('approved' as const) : ('rejected' as const);
  const next = { ...residency, status, reason: input.approve ? null : (input.reason ?? null), reviewedAt: ctx.now };
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
  return application({ ...user, residency: next }, community.name);
};

function application(user: UserDoc, communityName: string): ResidencyApplication {
  if (!user.residency) throw new AppError('NOT_FOUND');
  return { userId: user._id, nickname: user.nickname, residency: { ...user.residency, communityName } };
}
