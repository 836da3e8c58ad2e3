import type { consultationContract, ProgressView } from '@shared/contract';
import { consultationReportText, consultationReportTitle, consultationSource } from '@shared/consultation/announcements';
import { consultationResults } from '@shared/consultation/notifications';
import { addDays } from '@shared/time';
import { AppError } from '@shared/errors';
import { newId } from '../core/ids';
import type { Handler } from '../core/router';
import { DuplicateError } from '../core/store/port';
import { publishNotice as publishWorkflowNotice } from '../notice/publishing';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import { mySeat, viewFor } from './access';
import { about, contributors, signedUp } from './audience';
import { changeConsultation } from './changes';
import { ratingId, requireConsultation, requireStep } from './records';

type C = typeof consultationContract;

export const publishReport: Handler<C['publishReport']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 6);
  if (c.reportNoticeId) throw new AppError('INVALID_STATE', '结果公示已发布');
  if (!c.result || !c.plan) throw new AppError('INVALID_STATE', '尚无表决结果');
  const community = await getCommunity(ctx.store, c.communityId);
  const milestones = input.milestones.map((m) => ({ ...m, done: false }));
  const result = c.result;
  const interested = [...(await signedUp(ctx, c)), ...(await contributors(ctx, c))];
  const next = await changeConsultation(ctx, c, { responsible: input.responsible, milestones }, { action: 'publishReport', note: input.responsible }, {
    guard: { step: 6, state: 'active', reportNoticeId: null },
    also: async (tx, next) => {
      const notice = await publishWorkflowNotice(ctx, tx, community, {
        category: '结果公示',
        title: consultationReportTitle(c.topic, c.theme),
        body: consultationReportText({ topic: c.topic, theme: c.theme, rule: c.plan!.rule, result, minutes: c.minutes, responsible: input.responsible, milestones }),
        source: consultationSource(c._id, 'report'),
      });
      await tx.update('consultations', c._id, { reportNoticeId: notice._id });
      next.reportNoticeId = notice._id;
      await notify(ctx, tx, consultationResults.with(about(c)), interested);
    },
  });
  return viewFor(ctx, next);
};

export const addProgress: Handler<C['addProgress']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 6);
  if (!c.reportNoticeId) throw new AppError('INVALID_STATE', '请先发布结果公示');
  if (input.milestoneDone !== undefined && input.milestoneDone >= c.milestones.length) {
    throw new AppError('VALIDATION', '进度节点不存在', { milestoneDone: '进度节点不存在' });
  }
  const update = { _id: newId('pg'), consultationId: c._id, text: input.text, photos: input.photos, at: ctx.now };
  const milestones = c.milestones.map((m, i) => (i === input.milestoneDone ? { ...m, done: true } : m));
  await changeConsultation(ctx, c, { milestones }, { action: 'addProgress', note: input.text, after: { step: 6, milestoneDone: input.milestoneDone ?? null } }, {
    also: async (tx) => tx.create('progressUpdates', update),
  });
  return { id: update._id, text: update.text, photos: update.photos, at: update.at };
};

export const listProgress: Handler<C['listProgress']> = async (input, ctx) => {
  const page = await ctx.store.query<ProgressView & { _id: string }>('progressUpdates', { where: { consultationId: input.id }, orderBy: [['at', 'asc']], limit: 100 });
  return page.items.map(({ _id, text, photos, at }) => ({ id: _id, text, photos, at }));
};

export const markImplemented: Handler<C['markImplemented']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 6);
  if (!c.reportNoticeId) throw new AppError('INVALID_STATE', '请先发布结果公示');
  if (c.implementedAt) throw new AppError('INVALID_STATE', '已标记为落实');
  const ratingUntil = addDays(ctx.now, input.ratingDays);
  const next = await changeConsultation(ctx, c, { implementedAt: ctx.now, ratingUntil }, { action: 'markImplemented', note: `满意度评价开放${input.ratingDays}天` }, {
    guard: { step: 6, state: 'active', implementedAt: null },
  });
  return viewFor(ctx, next);
};

/** Once per resident during the rating window, made exact by the rating's id. */
export const rate: Handler<C['rate']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  try {
    await ctx.store.transaction(async (tx) => {
      const c = await requireConsultation(tx, input.id);
      requireStep(c, 6);
      if (!c.implementedAt || !c.ratingUntil) throw new AppError('INVALID_STATE', '尚未开放满意度评价');
      if (ctx.now > c.ratingUntil) throw new AppError('INVALID_STATE', '满意度评价已结束');
      await tx.create('ratings', { _id: ratingId(c._id, user._id), consultationId: c._id, userId: user._id, level: input.level, comment: input.comment ?? '', at: ctx.now });
      await tx.update('consultations', c._id, { [`ratingCounts.${input.level}`]: c.ratingCounts[input.level] + 1 });
      await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.rate', targetType: 'consultation', targetId: c._id, before: null, after: input.level });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '您已经评价过了');
    throw error;
  }
  return mySeat(ctx.store, await requireConsultation(ctx.store, input.id), user._id);
};
