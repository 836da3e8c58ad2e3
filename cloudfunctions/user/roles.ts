import type { MemberView, UserCard, userContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { householdPrefix } from '@shared/user/household';
import type { UserDoc } from '../core/caller';
import { change } from '../core/change';
import type { Handler, HandlerContext } from '../core/router';
import type { Filter, Store, TxStore } from '../core/store/port';
import { getCommunity, memberView, requireUser, type CommunityDoc } from './records';

type C = typeof userContract;
/** Whatever roles a user record can hold; a module adding one (by widening `UserDoc.roles`) gets its holders listed too. */
type GrantedRole = UserDoc['roles'][number]['role'];

/**
 * Who holds a role where, one document per person, community and role, written in the same transaction as the
 * user's own `roles`: the database cannot look inside that array, and a community's hosts or staff must be
 * listed without reading its ten thousand residents.
 */
export interface RoleHolderDoc {
  _id: string;
  communityId: string;
  role: GrantedRole;
  userId: string;
  since: number;
}

export const roleHolderId = (communityId: string, role: GrantedRole, userId: string) => `${communityId}:${role}:${userId}`;

/** How many people a name search shows; a nickname shared by more needs the user number. */
const FOUND_AT_MOST = 20;

export const listMembers: Handler<C['listMembers']> = async (input, ctx) => {
  const where: Filter = { 'residency.communityId': input.communityId, 'residency.status': 'approved' };
  const prefix = householdPrefix(input);
  // Everything in that building (or unit) has a key starting with the prefix, and nothing else does.
  if (prefix) where['residency.household'] = { gte: prefix, lt: `${prefix}\uffff` };
  const page = await ctx.store.query<UserDoc>('users', {
    where,
    orderBy: [['residency.household', 'asc'], ['_id', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((u) => memberView(u, input.communityId)), nextCursor: page.nextCursor };
};

export const listRoleHolders: Handler<C['listRoleHolders']> = async (input, ctx) => {
  await getCommunity(ctx.store, input.communityId);
  const page = await ctx.store.query<RoleHolderDoc>('roleHolders', {
    where: { communityId: input.communityId, role: input.role },
    orderBy: [['since', 'asc'], ['_id', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  const users = await Promise.all(page.items.map((h) => ctx.store.get<UserDoc>('users', h.userId)));
  const items: MemberView[] = users.flatMap((u) => (u && !u.deletedAt ? [memberView(u, input.communityId)] : []));
  return { items, nextCursor: page.nextCursor };
};

/** By user number, or by nickname exactly as the person set it. */
export const findUsers: Handler<C['findUsers']> = async (input, ctx) => {
  const byId = await ctx.store.get<UserDoc>('users', input.query);
  const byName = await ctx.store.query<UserDoc>('users', { where: { nickname: input.query, deletedAt: null }, orderBy: [['_id', 'asc']], limit: FOUND_AT_MOST });
  const found = [...(byId && !byId.deletedAt ? [byId] : []), ...byName.items.filter((u) => u._id !== byId?._id)];
  const names = new Map<string, string>();
  for (const id of new Set(found.flatMap((u) => (u.residency?.status === 'approved' ? [u.residency.communityId] : [])))) {
    names.set(id, (await ctx.store.get<CommunityDoc>('communities', id))?.name ?? '');
  }
  return found.map(
    (u): UserCard => ({
      userId: u._id,
      nickname: u.nickname,
      residentOf: u.residency?.status === 'approved' ? (names.get(u.residency.communityId) ?? null) : null,
      staffOf: u.roles.filter((r) => r.role === 'staff').map((r) => r.communityId),
    }),
  );
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

/** Grants or takes back a role in one community; the role-holder record and `also` land in the same transaction. */
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
    also: async (tx) => {
      if (grant) await addRoleHolder(tx, communityId, role, user._id, ctx.now);
      else await tx.remove('roleHolders', roleHolderId(communityId, role, user._id));
      if (also) await also(tx);
    },
  });
  return memberView(next, communityId);
}

export function addRoleHolder(tx: TxStore, communityId: string, role: GrantedRole, userId: string, now: number): Promise<void> {
  const holder: RoleHolderDoc = { _id: roleHolderId(communityId, role, userId), communityId, role, userId, since: now };
  return tx.create('roleHolders', holder);
}

/** On account deletion: the person no longer holds any role, so no list names them. */
export async function eraseRoleHolders(store: Store, userId: string): Promise<void> {
  const user = await store.get<UserDoc>('users', userId);
  for (const r of user?.roles ?? []) await store.remove('roleHolders', roleHolderId(r.communityId, r.role, userId));
}
