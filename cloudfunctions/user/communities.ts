import type { userContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { checkSettingsChanges, communitySettings } from '@shared/modules';
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
    // Every module's defaults apply until staff change something.
    settings: {},
    createdAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('communities', community);
    await ctx.audit(tx, { communityId: community._id, action: 'community.create', targetType: 'community', targetId: community._id, before: null, after: community.name });
  });
  return communityView(community);
};

export const updateCommunitySettings: Handler<C['updateCommunitySettings']> = async (input, ctx) => {
  const { communityId, settings: changes } = input;
  const checked = checkSettingsChanges(changes);
  if (!checked.ok) throw new AppError('VALIDATION', Object.values(checked.fields)[0], checked.fields);
  const community = await getCommunity(ctx.store, communityId);
  const current = communitySettings(community.settings);
  const settings = { ...current, ...Object.fromEntries(Object.entries(changes).map(([name, values]) => [name, { ...current[name], ...values }])) };
  await ctx.store.transaction(async (tx) => {
    await tx.update('communities', communityId, { settings });
    await ctx.audit(tx, { communityId, action: 'community.settings', targetType: 'community', targetId: communityId, before: current, after: settings });
  });
  return communityView({ ...community, settings });
};
