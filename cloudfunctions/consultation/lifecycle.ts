import type { consultationContract, TimelineEntry } from '@shared/contract';
import { consultationSource } from '@shared/consultation/announcements';
import { consultationCancelled, consultationPostponed } from '@shared/consultation/notifications';
import { PRIVATE_ACTIONS, TIMELINE_LABELS } from '@shared/consultation/timeline';
import { missingToLeave, sendBackProblem, stepLabel, type Step } from '@shared/consultation/steps';
import { AppError } from '@shared/errors';
import { formatShanghai } from '@shared/time';
import type { AuditDoc } from '../core/audit';
import { sealWhatIsDue } from '../core/audit-sealing';
import { hasRole, residentCommunity } from '../core/caller';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { Filter, TxStore } from '../core/store/port';
import { publishNotice } from '../notice/publishing';
import { notify } from '../notify/notify';
import { displayName, getCommunity, requireUser } from '../user/records';
import { settingsOf, viewFor } from './access';
import { about, signedUp } from './audience';
import { holdMeetingRoom, planMeetingRoom } from '../room/meetings';
import { meetingAsk } from './meeting-room';
import { changeConsultation, whereNow } from './changes';
import { facts, requireConsultation, summaryView, type ConsultationDoc } from './records';

type C = typeof consultationContract;

export const create: Handler<C['create']> = async (input, ctx) => {
  const community = await getCommunity(ctx.store, input.communityId);
  const hostId = input.hostId ?? ctx.caller.user!._id;
  const host = hostId === ctx.caller.user!._id ? ctx.caller.user! : await requireUser(ctx.store, hostId);
  if (input.hostId && !host.roles.some((r) => r.role === 'host' && r.communityId === community._id)) {
    throw new AppError('INVALID_STATE', '指定的人不是本社区的主持人', { hostId: '请选择本社区的主持人' });
  }
  if (input.hostId && !hasRole(ctx.caller, 'staff', community._id)) throw new AppError('FORBIDDEN', '仅社区工作者可以指定其他主持人');
  const c: ConsultationDoc = {
    _id: newId('cs'),
    communityId: community._id,
    communityName: community.name,
    hostId: host._id,
    hostName: displayName(host),
    step: 1,
    state: 'active',
    theme: input.theme,
    collectFrom: input.collectFrom,
    collectTo: input.collectTo,
    collectionClosedAt: null,
    collectionCloseReason: null,
    opinionCount: 0,
    topic: null,
    topicApproval: 'none',
    topicRejectReason: null,
    plan: null,
    noticeId: null,
    noticeOverrideReason: null,
    signupSeq: 0,
    seatsTaken: 0,
    waitingCount: 0,
    meetingOpenedAt: null,
    checkInCode: null,
    attendanceCount: 0,
    pointSeq: 0,
    voteState: 'not_open',
    result: null,
    minutes: '',
    reportNoticeId: null,
    responsible: null,
    milestones: [],
    implementedAt: null,
    ratingUntil: null,
    ratingCounts: { satisfied: 0, basic: 0, dissatisfied: 0 },
    stateReason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('consultations', c);
    await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.create', targetType: 'consultation', targetId: c._id, before: null, after: { step: 1, state: 'active' }, note: c.theme });
  });
  return viewFor(ctx, c);
};

export const list: Handler<C['list']> = async (input, ctx) => {
  const where: Filter = {};
  if (input.hostedByMe) where.hostId = ctx.caller.user?._id ?? '-';
  const communityId = input.communityId ?? (input.hostedByMe ? undefined : residentCommunity(ctx.caller) ?? undefined);
  if (communityId) where.communityId = communityId;
  if (input.step) where.step = input.step;
  if (input.state) where.state = input.state;
  if (input.topicPending) where.topicApproval = 'pending';
  const page = await ctx.store.query<ConsultationDoc>('consultations', { where, orderBy: [['updatedAt', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(summaryView), nextCursor: page.nextCursor };
};

export const get: Handler<C['get']> = async (input, ctx) => viewFor(ctx, await requireConsultation(ctx.store, input.id));

/**
 * The public timeline is read from the audit log; it cannot say anything the log does not. It shows every
 * entry in the order the changes happened, those still waiting to be sealed into the chain included (`sealed`
 * false, `seq` 0), so a change shows at once.
 */
export const timeline: Handler<C['timeline']> = async (input, ctx) => {
  await requireConsultation(ctx.store, input.id);
  const read = () => queryAll<AuditDoc>(ctx.store, 'audit', { where: { targetId: input.id }, orderBy: [['_id', 'asc']] });
  let entries = await read();
  if (await sealWhatIsDue(ctx.store, entries, ctx.now)) entries = await read();
  return entries.filter((e) => !PRIVATE_ACTIONS.has(e.action)).map(timelineEntry);
};

function timelineEntry(e: AuditDoc): TimelineEntry {
  const before = e.before as { step?: number } | null;
  const after = e.after as { step?: number } | null;
  return {
    id: e._id,
    seq: e.seq ?? 0,
    sealed: e.sealed,
    at: e.at,
    actorRole: e.actorRole,
    action: e.action,
    label: TIMELINE_LABELS[e.action] ?? e.action,
    fromStep: before?.step ?? null,
    toStep: after?.step ?? null,
    note: e.note,
  };
}

export const assignHost: Handler<C['assignHost']> = async (input, ctx) => {
  const c = ctx.target;
  if (c.state === 'cancelled' || c.state === 'closed') throw new AppError('INVALID_STATE', `该议事${whereNow(c)}`);
  const host = await requireUser(ctx.store, input.hostId);
  if (!host.roles.some((r) => r.role === 'host' && r.communityId === c.communityId)) {
    throw new AppError('INVALID_STATE', '指定的人不是本社区的主持人', { hostId: '请选择本社区的主持人' });
  }
  const next = await changeConsultation(ctx, c, { hostId: host._id, hostName: displayName(host) }, {
    action: 'assignHost',
    before: { hostName: c.hostName },
    after: { hostName: displayName(host) },
  }, { guard: { state: c.state, hostId: c.hostId } });
  return viewFor(ctx, next);
};

export const advance: Handler<C['advance']> = async (input, ctx) => {
  const c = ctx.target;
  if (c.state !== 'active' || c.step !== input.fromStep) throw new AppError('INVALID_STATE', `无法从${stepLabel(input.fromStep)}进入下一步，${whereNow(c)}`);
  if (c.step === 6) throw new AppError('INVALID_STATE', '已是最后一步，请使用“结束议事”');
  const { topicNeedsApproval } = await settingsOf(ctx.store, c.communityId);
  const missing = missingToLeave(facts(c), ctx.now, topicNeedsApproval);
  if (missing.length) throw new AppError('INVALID_STATE', `还不能进入下一步，尚需：${missing.join('；')}`);
  const next = await changeConsultation(ctx, c, { step: (c.step + 1) as Step }, { action: 'advance', note: input.note || null });
  return viewFor(ctx, next);
};

export const sendBack: Handler<C['sendBack']> = async (input, ctx) => {
  const c = ctx.target;
  if (c.state !== 'active' || c.step !== input.fromStep) throw new AppError('INVALID_STATE', `无法从${stepLabel(input.fromStep)}退回，${whereNow(c)}`);
  const problem = sendBackProblem(c);
  if (problem) throw new AppError('INVALID_STATE', problem);
  const patch: Record<string, unknown> = { step: c.step - 1 };
  // Going back to step 2 after a topic was approved needs a fresh approval of whatever changes.
  if (c.step - 1 === 2) patch.topicApproval = 'none';
  const next = await changeConsultation(ctx, c, patch, { action: 'sendBack', note: input.reason });
  return viewFor(ctx, next);
};

/** After the notice is out (step 4 on), residents learn of a postponement or cancellation by notice. */
async function announceIfPublic(ctx: HandlerContext, tx: TxStore, c: ConsultationDoc, title: string, body: string) {
  if (c.step < 4 || !c.noticeId) return;
  const community = await getCommunity(tx, c.communityId);
  await publishNotice(ctx, tx, community, { category: '协商公告', title, body, source: consultationSource(c._id, 'changed') });
}

export const postpone: Handler<C['postpone']> = async (input, ctx) => {
  const c = ctx.target;
  if (c.state !== 'active') throw new AppError('INVALID_STATE', `只有进行中的议事可以延期，${whereNow(c)}`);
  if (input.meetingAt !== undefined && !c.plan) throw new AppError('INVALID_STATE', '尚未制定方案，无需修改会议时间');
  if (input.meetingAt !== undefined && input.meetingAt <= ctx.now) throw new AppError('VALIDATION', '新的会议时间须晚于现在', { meetingAt: '新的会议时间须晚于现在' });
  const patch: Record<string, unknown> = { state: 'postponed', stateReason: input.reason };
  if (input.meetingAt !== undefined) patch['plan.meetingAt'] = input.meetingAt;
  const signups = await signedUp(ctx, c);
  // A new time moves the meeting's room booking with it; without one the room stays held for the old time.
  const movedRoom = input.meetingAt !== undefined && c.plan?.roomId ? await planMeetingRoom(ctx, meetingAsk(c, { ...c.plan, meetingAt: input.meetingAt }, c.plan.roomId)) : null;
  const next = await changeConsultation(ctx, c, patch, { action: 'postpone', note: input.reason }, {
    also: async (tx) => {
      if (movedRoom) await holdMeetingRoom(ctx, tx, c._id, c.communityId, movedRoom);
      const when = input.meetingAt ? `，会议改期至${formatShanghai(input.meetingAt)}` : '';
      await announceIfPublic(ctx, tx, c, `【延期】${c.topic?.title ?? c.theme}`, `原定议事延期${when}。原因：${input.reason}`);
      await notify(ctx, tx, consultationPostponed.with({ ...about(c), reason: input.reason }), signups);
    },
  });
  return viewFor(ctx, next);
};

export const resume: Handler<C['resume']> = async (_input, ctx) => {
  const c = ctx.target;
  if (c.state !== 'postponed') throw new AppError('INVALID_STATE', `只有已延期的议事可以恢复，${whereNow(c)}`);
  const next = await changeConsultation(ctx, c, { state: 'active', stateReason: null }, { action: 'resume' });
  return viewFor(ctx, next);
};

export const cancel: Handler<C['cancel']> = async (input, ctx) => {
  const c = ctx.target;
  if (c.state === 'cancelled' || c.state === 'closed') throw new AppError('INVALID_STATE', `该议事${whereNow(c)}，不能取消`);
  const signups = await signedUp(ctx, c);
  const next = await changeConsultation(ctx, c, { state: 'cancelled', stateReason: input.reason }, { action: 'cancel', note: input.reason }, {
    also: async (tx) => {
      // A cancelled meeting gives its room back.
      if (c.plan?.roomId) await holdMeetingRoom(ctx, tx, c._id, c.communityId, null);
      await announceIfPublic(ctx, tx, c, `【取消】${c.topic?.title ?? c.theme}`, `原定议事已取消。原因：${input.reason}`);
      await notify(ctx, tx, consultationCancelled.with({ ...about(c), reason: input.reason }), signups);
    },
  });
  return viewFor(ctx, next);
};

export const close: Handler<C['close']> = async (_input, ctx) => {
  const c = ctx.target;
  if (c.state !== 'active' || c.step !== 6) throw new AppError('INVALID_STATE', `只有在第6步才能结束议事，${whereNow(c)}`);
  if (!c.implementedAt) throw new AppError('INVALID_STATE', '请先标记已落实并开启满意度评价');
  const next = await changeConsultation(ctx, c, { state: 'closed', ratingUntil: Math.min(c.ratingUntil ?? ctx.now, ctx.now) }, { action: 'close' });
  return viewFor(ctx, next);
};

