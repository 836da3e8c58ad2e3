import type { wishContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { Handler } from '../core/router';
import { ensureUser } from '../user/profile';
import { getCommunity, requireUser } from '../user/records';
import { setRole } from '../user/roles';
import { orgId, orgView, type OrgDoc } from './records';

type C = typeof wishContract;

/** An organisation's account asks to be a 爱心单位 of a community; staff decide. A revoked one may ask again. */
export const applyOrg: Handler<C['applyOrg']> = async (input, ctx) => {
  await getCommunity(ctx.store, input.communityId);
  // An organisation's account may apply before it has opened 我的: its record is made here, as 我的 would.
  const userId = (await ensureUser(ctx))._id;
  const id = orgId(input.communityId, userId);
  const doc: OrgDoc = { _id: id, userId, communityId: input.communityId, orgName: input.orgName, contactPhone: input.contactPhone, status: 'pending', appliedAt: ctx.now, reviewedAt: null };
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.get<OrgDoc>('orgs', id);
    if (existing?.status === 'pending') throw new AppError('CONFLICT', '申请已提交，请等待社区审核');
    if (existing?.status === 'granted') throw new AppError('CONFLICT', '您已是本社区的爱心单位');
    if (existing) await tx.update('orgs', id, { ...doc });
    else await tx.create('orgs', doc);
    await ctx.audit(tx, { communityId: input.communityId, action: 'wish.applyOrg', targetType: 'org', targetId: id, before: null, after: { status: 'pending', orgName: input.orgName } });
  });
  return orgView(doc);
};

export const myOrg: Handler<C['myOrg']> = async (_input, ctx) => {
  const userId = ctx.caller.user?._id;
  if (!userId) return [];
  const page = await ctx.store.query<OrgDoc>('orgs', { where: { userId }, orderBy: [['appliedAt', 'desc']], limit: 20 });
  return page.items.map(orgView);
};

export const listOrgs: Handler<C['listOrgs']> = async (input, ctx) => {
  const page = await ctx.store.query<OrgDoc>('orgs', { where: { communityId: input.communityId }, orderBy: [['appliedAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(orgView), nextCursor: page.nextCursor };
};

/** Grants the 爱心单位 role (`org`) to an applicant: the role on the account and the record's state, together. */
export const grantOrg: Handler<C['grantOrg']> = async (input, ctx) => {
  const org = await requireOrg(ctx.store, input.communityId, input.userId);
  if (org.status === 'granted') throw new AppError('INVALID_STATE', '该单位已是爱心单位');
  const user = await requireUser(ctx.store, input.userId);
  const next: OrgDoc = { ...org, status: 'granted', reviewedAt: ctx.now };
  await setRole(ctx, user, input.communityId, 'org', true, async (tx) => {
    if (!(await tx.update('orgs', org._id, { status: 'granted', reviewedAt: ctx.now }, { if: { status: org.status } }))) throw new AppError('CONFLICT', '申请刚刚被处理，请刷新');
  });
  return orgView(next);
};

export const revokeOrg: Handler<C['revokeOrg']> = async (input, ctx) => {
  const org = await requireOrg(ctx.store, input.communityId, input.userId);
  if (org.status !== 'granted') throw new AppError('INVALID_STATE', '该单位不是爱心单位');
  const user = await requireUser(ctx.store, input.userId);
  const next: OrgDoc = { ...org, status: 'revoked', reviewedAt: ctx.now };
  await setRole(ctx, user, input.communityId, 'org', false, async (tx) => {
    if (!(await tx.update('orgs', org._id, { status: 'revoked', reviewedAt: ctx.now }, { if: { status: 'granted' } }))) throw new AppError('CONFLICT', '刚刚被处理，请刷新');
  });
  return orgView(next);
};

async function requireOrg(store: Parameters<typeof getCommunity>[0], communityId: string, userId: string): Promise<OrgDoc> {
  const org = await store.get<OrgDoc>('orgs', orgId(communityId, userId));
  if (!org) throw new AppError('NOT_FOUND', '没有这个单位的申请');
  return org;
}
