import { DEFAULT_COMMUNITY_SETTINGS, type userContract } from '@shared/contract';
import type { Handler } from '../core/router';
import { newId } from '../core/ids';
import { communityView, getCommunity, type CommunityDoc } from './records';

type C = typeof userContract;

/** One street per deployment: the street office that runs it. */
export const STREET_ID = 'street_demo';

export const listCommunities: Handler<C['listCommunities']> = async (_input, ctx) => {
  const page = await ctx.store.query<CommunityDoc>('communities', { orderBy: [['name', 'asc']], limit: 100 });
  return page.items.map(communityView);
};

export const createCommunity: Handler<C['createCommunity']> = async (input, ctx) => {
  const community: CommunityDoc = {
    _id: newId('c'),
    name: input.name,
    streetId: STREET_ID,
    settings: { ...DEFAULT_COMMUNITY_SETTINGS },
    createdAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('communities', community);
    await ctx.audit(tx, { communityId: community._id, action: 'community.create', targetType: 'community', targetId: community._id, before: null, after: community.name });
  });
  return communityView(community);
};

export const updateCommunitySettings: Handler<C['updateCommunitySettings']> = async (input, ctx) => {
  const community = await getCommunity(ctx.store, input.communityId);
  const { communityId, ...changes } = input;
  const settings = { ...DEFAULT_COMMUNITY_SETTINGS, ...community.settings, ...changes };
  await ctx.store.transaction(async (tx) => {
    await tx.update('communities', communityId, { settings });
    await ctx.audit(tx, { communityId, action: 'community.settings', targetType: 'community', targetId: communityId, before: community.settings, after: settings });
  });
  return communityView({ ...community, settings });
};
