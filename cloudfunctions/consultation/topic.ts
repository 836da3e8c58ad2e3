import type { consultationContract } from '@shared/contract';
import { planProblems } from '@shared/consultation/steps';
import { AppError } from '@shared/errors';
import type { Handler } from '../core/router';
import { settingsOf, viewFor } from './access';
import { changeConsultation } from './changes';
import { meetingAsk } from './meeting-room';
import { requireOpinion, requireStep } from './records';
import { holdMeetingRoom, planMeetingRoom } from '../room/meetings';

type C = typeof consultationContract;

export const saveTopic: Handler<C['saveTopic']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 2);
  if (c.topicApproval === 'pending') throw new AppError('INVALID_STATE', '议题正在审核中，审核完成后才能修改');
  const adopted = [...new Set(input.adoptedOpinionIds)];
  const opinions = await Promise.all(adopted.map((id) => requireOpinion(ctx.store, id)));
  if (opinions.some((o) => o.consultationId !== c._id)) {
    throw new AppError('VALIDATION', '只能采纳本次议事收集到的意见', { adoptedOpinionIds: '只能采纳本次议事收集到的意见' });
  }
  const { id: _id, ...topic } = input;
  const next = await changeConsultation(
    ctx,
    c,
    // A changed topic needs approving again.
    { topic: { ...topic, adoptedOpinionIds: adopted }, topicApproval: 'none', topicRejectReason: c.topicRejectReason },
    { action: 'saveTopic', after: { step: 2, title: topic.title, adopted: adopted.length }, note: topic.adoptionReason || null },
  );
  return viewFor(ctx, next);
};

export const requestTopicApproval: Handler<C['requestTopicApproval']> = async (_input, ctx) => {
  const c = ctx.target;
  requireStep(c, 2);
  const settings = await settingsOf(ctx.store, c.communityId);
  if (!settings.topicNeedsApproval) throw new AppError('INVALID_STATE', '本社区的议题无需审核，可直接进入下一步');
  if (!c.topic) throw new AppError('INVALID_STATE', '请先填写议题');
  if (c.topicApproval === 'pending' || c.topicApproval === 'approved') throw new AppError('INVALID_STATE', c.topicApproval === 'pending' ? '议题已在审核中' : '议题已审核通过');
  const next = await changeConsultation(ctx, c, { topicApproval: 'pending' }, { action: 'requestTopicApproval' }, { guard: { step: 2, state: 'active', topicApproval: c.topicApproval } });
  return viewFor(ctx, next);
};

export const reviewTopic: Handler<C['reviewTopic']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 2);
  if (c.topicApproval !== 'pending') throw new AppError('INVALID_STATE', '没有待审核的议题');
  const next = await changeConsultation(
    ctx,
    c,
    { topicApproval: input.approve ? 'approved' : 'rejected', topicRejectReason: input.approve ? null : (input.reason ?? null) },
    { action: input.approve ? 'approveTopic' : 'rejectTopic', note: input.approve ? null : (input.reason ?? null) },
    { guard: { step: 2, state: 'active', topicApproval: 'pending' } },
  );
  return viewFor(ctx, next);
};

export const savePlan: Handler<C['savePlan']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 3);
  const plan = input.plan;
  if (plan.meetingAt <= ctx.now) throw new AppError('VALIDATION', '会议时间须晚于现在', { 'plan.meetingAt': '会议时间须晚于现在' });
  if (new Set(plan.invited.map((r) => r.role)).size !== plan.invited.length) {
    throw new AppError('VALIDATION', '参与人类别重复', { 'plan.invited': '参与人类别重复' });
  }
  const problems = planProblems(plan);
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'), { plan: problems.join('；') });
  // The meeting's room is claimed through 活动室 in the plan's own transaction: taken, the plan is refused.
  const room = plan.roomId ? await planMeetingRoom(ctx, meetingAsk(c, plan, plan.roomId)) : null;
  const next = await changeConsultation(
    ctx,
    c,
    { plan },
    { action: 'savePlan', after: { step: 3, meetingAt: plan.meetingAt, rule: plan.rule, quorum: plan.quorum, roomId: plan.roomId ?? null } },
    { also: (tx) => holdMeetingRoom(ctx, tx, c._id, c.communityId, room) },
  );
  return viewFor(ctx, next);
};
