import type { userContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { UserDoc } from '../core/caller';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { DuplicateError } from '../core/store/port';
import { meView, newUser, type CommunityDoc } from './records';

type C = typeof userContract;

/** The caller's user record, created on first sight. Two first calls at once still make one record. */
export async function ensureUser(ctx: HandlerContext): Promise<UserDoc> {
  if (ctx.caller.user) return ctx.caller.user;
  const openid = ctx.caller.openid;
  if (!openid) throw new AppError('UNAUTHENTICATED');
  const user = newUser(newId('u'), openid, ctx.now);
  try {
    await ctx.store.create('users', user);
    return user;
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    const { items } = await ctx.store.query<UserDoc>('users', { where: { openid }, limit: 1 });
    if (!items[0]) throw error;
    return items[0];
  }
}

export async function withCommunityName(ctx: HandlerContext, user: UserDoc) {
  const communityId = user.residency?.communityId;
  const community = communityId ? await ctx.store.get<CommunityDoc>('communities', communityId) : null;
  return meView(user, community?.name ?? null);
}

export const me: Handler<C['me']> = async (_input, ctx) => withCommunityName(ctx, await ensureUser(ctx));

export const updateProfile: Handler<C['updateProfile']> = async (input, ctx) => {
  const user = await ensureUser(ctx);
  const patch: Record<string, unknown> = { updatedAt: ctx.now };
  if (input.nickname !== undefined) patch.nickname = input.nickname;
  if (input.avatarFileId !== undefined) patch.avatarFileId = input.avatarFileId;
  await ctx.store.update('users', user._id, patch);
  return withCommunityName(ctx, { ...user, ...patch } as UserDoc);
};
