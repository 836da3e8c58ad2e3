import type { userContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { UserDoc } from '../core/caller';
import { change } from '../core/change';
import type { Handler, HandlerContext } from '../core/router';
import type { TxStore } from '../core/store/port';
import { getCommunity, memberView, requireUser } from './records';

type C = typeof userContract;
type GrantedRole = 'host' | 'staff' | 'org';

export const listMembers: Handler<C['listMembers']> = async (input, ctx) => {
  const page = await ctx.store.query<UserDoc>('users', {
    where: { 'residency.communityId': input.communityId, 'residency.status': 'approved' },
    orderBy: [['residency.building', 'asc'], ['residency.unit', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((u) => memberView(u, input.communityId)), nextCursor: page.nextCursor };
};

export const grantHost: Handler<C['grantHost']> = async (input, ctx) => {
  const user = await requireUser(ctx.store, input.userId);
  const r = user.residency;
  if (!r || r.status !== 'approved' || r.communityId !== input.communityId) {
    throw new AppError('INVALID_STATE', '只能授予本社区已认证的居民');
  }
  return setRole(ctx, user, input.communityId, 'host', true);
};

export const revokeHost: Handler<C['revokeHost']> = async (input, ctx) =>
  setRole(ctx, await requireUser(ctx.store, input.userId), input.communityId, 'host', false);

export const assignStaff: Handler<C['assignStaff']> = async (input, ctx) => {
  await getCommunity(ctx.store, input.communityId);
  return setRole(ctx, await requireUser(ctx.store, input.userId), input.communityId, 'staff', true);
};

export const removeStaff: Handler<C['removeStaff']> = async (input, ctx) =>
  setRole(ctx, await requireUser(ctx.store, input.userId), input.communityId, 'staff', false);

/** Grants or takes back a role in one community; `also` lands in the same transaction (the 爱心单位's own record). */
export async function setRole(ctx: HandlerContext, user: UserDoc, communityId: string, role: GrantedRole, grant: boolean, also?: (tx: TxStore) => Promise<void>) {
  const holds = user.roles.some((r) => r.communityId === communityId && r.role === role);
  if (holds === grant) throw new AppError('INVALID_STATE', grant ? '该用户已拥有此角色' : '该用户没有此角色');
  const roles = grant ? [...user.roles, { communityId, role }] : user.roles.filter((r) => !(r.communityId === communityId && r.role === role));
  // Compare-and-set on updatedAt, so a concurrent change to the same user's roles is refused, never lost.
  const next = await change(ctx, {
    collection: 'users',
    doc: user,
    guard: { updatedAt: user.updatedAt },
    patch: { roles, updatedAt: Math.max(ctx.now, user.updatedAt + 1) },
    audit: {
      action: `role.${grant ? 'grant' : 'revoke'}.${role}`,
      targetType: 'user',
      communityId,
      before: user.roles.filter((r) => r.communityId === communityId).map((r) => r.role),
      after: roles.filter((r) => r.communityId === communityId).map((r) => r.role),
    },
    refused: () => new AppError('CONFLICT', '该用户信息刚刚被修改，请刷新后重试'),
    ...(also ? { also: (tx: TxStore) => also(tx) } : {}),
  });
  return memberView(next, communityId);
}
