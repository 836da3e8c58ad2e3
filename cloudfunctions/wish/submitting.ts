import type { wishContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { endOfDay, maskName, openLimitProblem, wishProblem, type Refusal } from '@shared/wish/rules';
import { wishSettingsOf, type WishSettings } from '@shared/wish/settings';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { getCommunity, type CommunityDoc } from '../user/records';
import { viewFor } from './access';
import { householdKey, type WishDoc, type WisherDoc } from './records';

type C = typeof wishContract;

export function refuse(problem: Refusal): never {
  throw new AppError(problem.code, problem.message, problem.field ? { [problem.field]: problem.message } : undefined);
}

/**
 * A resident's wish waits for staff review. The open-wish limit is held by the resident's own counter, read and
 * raised in the transaction that writes the wish: ten submissions at once queue (SQLite) or conflict and run again
 * (CloudBase), and no more than the limit get through.
 */
export const submit: Handler<C['submit']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  const residency = user.residency!;
  const community = await getCommunity(ctx.store, input.communityId);
  const settings = wishSettingsOf(community);
  const problem = wishProblem(input, settings, ctx.now);
  if (problem) refuse(problem);
  const wish = newWish(ctx, community, {
    wisherId: user._id,
    proxyBy: null,
    name: input.name,
    building: residency.building,
    // The door as the resident gave it: unit and room, which newer apps ask for apart.
    address: `${residency.unit}${residency.room ?? ''}`,
    phone: input.phone,
    status: 'submitted',
    fields: input,
  });
  await ctx.store.transaction(async (tx) => {
    const counter = await tx.get<WisherDoc>('wishers', user._id);
    const open = counter?.open ?? 0;
    const limit = openLimitProblem(open, settings);
    if (limit) refuse(limit);
    if (counter) await tx.update('wishers', user._id, { open: open + 1 });
    else await tx.create<WisherDoc>('wishers', { _id: user._id, open: 1 });
    await tx.create('wishes', wish);
    await ctx.audit(tx, { communityId: wish.communityId, action: 'wish.submit', targetType: 'wish', targetId: wish._id, before: null, after: { status: wish.status, title: wish.title } });
  });
  return viewFor(ctx, wish);
};

/**
 * 代办: staff write down the wish of a resident who cannot use a phone (name, building, a phone only staff and the
 * claimant see). Staff are the reviewers, so it goes on the wall at once.
 */
export const proxySubmit: Handler<C['proxySubmit']> = async (input, ctx) => {
  const community = await getCommunity(ctx.store, input.communityId);
  const settings: WishSettings = wishSettingsOf(community);
  const problem = wishProblem(input, settings, ctx.now);
  if (problem) refuse(problem);
  const wish = newWish(ctx, community, {
    wisherId: null,
    proxyBy: ctx.caller.user!._id,
    name: input.name,
    building: input.building,
    address: input.address,
    phone: input.phone,
    status: 'published',
    fields: input,
  });
  await ctx.store.transaction(async (tx) => {
    await tx.create('wishes', wish);
    await ctx.audit(tx, { communityId: wish.communityId, action: 'wish.proxySubmit', targetType: 'wish', targetId: wish._id, before: null, after: { status: wish.status, title: wish.title } });
  });
  return viewFor(ctx, wish);
};

interface NewWish {
  wisherId: string | null;
  proxyBy: string | null;
  name: string;
  building: string;
  address: string;
  phone: string;
  status: 'submitted' | 'published';
  fields: { title: string; description: string; category: string; estimatedValue: number; deadline: number; photos?: string[] };
}

function newWish(ctx: HandlerContext, community: CommunityDoc, w: NewWish): WishDoc {
  return {
    _id: newId('w'),
    communityId: community._id,
    communityName: community.name,
    wisherId: w.wisherId,
    proxyBy: w.proxyBy,
    name: w.name,
    maskedName: maskName(w.name),
    building: w.building,
    address: w.address,
    phone: w.phone,
    household: householdKey(community._id, w.building, w.address),
    category: w.fields.category,
    title: w.fields.title,
    description: w.fields.description,
    photos: w.fields.photos ?? [],
    estimatedValue: w.fields.estimatedValue,
    deadline: endOfDay(w.fields.deadline),
    status: w.status,
    rejectReason: null,
    claimantId: null,
    claim: null,
    claimDueAt: null,
    fulfilment: null,
    confirmation: null,
    publishedAt: w.status === 'published' ? ctx.now : null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}
