import type { consultationContract, SignupView } from '@shared/contract';
import { consultationSettingsOf } from '@shared/consultation/module';
import { consultationNoticeText, consultationNoticeTitle, consultationSource } from '@shared/consultation/announcements';
import { consultationAnnounced, consultationPromoted } from '@shared/consultation/notifications';
import { placeSignup, signupProblem } from '@shared/consultation/seats';
import { noticePeriodProblem } from '@shared/consultation/steps';
import { AppError } from '@shared/errors';
import type { Handler, HandlerContext } from '../core/router';
import type { UserDoc } from '../core/caller';
import { DuplicateError, type TxStore } from '../core/store/port';
import { publishNotice as publishWorkflowNotice } from '../notice/publishing';
import { notify } from '../notify/notify';
import { displayName, getCommunity } from '../user/records';
import { viewFor } from './access';
import { about, contributors } from './audience';
import { changeConsultation } from './changes';
import { NO_SEAT, requireConsultation, requireStep, signupId, type ConsultationDoc, type SignupDoc } from './records';

type C = typeof consultationContract;

export const publishNotice: Handler<C['publishNotice']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 4);
  if (c.noticeId) throw new AppError('INVALID_STATE', '协商公告已发布');
  if (!c.topic || !c.plan) throw new AppError('INVALID_STATE', '议题或方案不完整');
  const community = await getCommunity(ctx.store, c.communityId);
  const { noticeDays } = consultationSettingsOf(community);
  const tooSoon = noticePeriodProblem(c.plan.meetingAt, ctx.now, noticeDays);
  const overrideReason = input.overrideReason || null;
  if (tooSoon && !overrideReason) {
    throw new AppError('INVALID_STATE', `${tooSoon}。如确需提前召开，请填写理由`, { overrideReason: '请填写提前召开的理由' });
  }
  const { topic, plan } = c;
  const askedForIt = await contributors(ctx, c);
  const next = await changeConsultation(
    ctx,
    c,
    {},
    { action: 'publishNotice', note: tooSoon ? overrideReason : null },
    {
      guard: { step: 4, state: 'active', noticeId: null },
      also: async (tx, next) => {
        const notice = await publishWorkflowNotice(ctx, tx, community, {
          category: '协商公告',
          title: consultationNoticeTitle(topic),
          body: consultationNoticeText(topic, plan, tooSoon ? overrideReason : null),
          source: consultationSource(c._id, 'announced'),
        });
        await tx.update('consultations', c._id, { noticeId: notice._id, noticeOverrideReason: tooSoon ? overrideReason : null });
        next.noticeId = notice._id;
        await notify(ctx, tx, consultationAnnounced.with({ ...about(c), meetingAt: plan.meetingAt, place: plan.place }), askedForIt);
      },
    },
  );
  return viewFor(ctx, { ...next, noticeOverrideReason: tooSoon ? overrideReason : null });
};

function requireSignupOpen(c: ConsultationDoc): void {
  const problem = signupProblem(c);
  if (problem) throw new AppError('INVALID_STATE', problem);
}

/**
 * First come, first served, exact under any number of simultaneous sign-ups: the seat count and the
 * sign-up sequence live on the consultation document, read and written in one transaction. A first sign-up
 * is a plain create of the person's own record (its id is consultation + person), so it needs no read to
 * know it is new; when the record exists, a cancelled one is taken up again and an active one refused.
 */
export const signUp: Handler<C['signUp']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  let placed: Placed;
  try {
    placed = await takePlace(ctx, input.id, user, 'new');
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    placed = await takePlace(ctx, input.id, user, 'again');
  }
  // Sign-ups close when the meeting opens, so a new one has no check-in, vote or rating to look up.
  return { ...NO_SEAT, status: placed.status, waitlistPosition: placed.waitlistPosition };
};

interface Placed {
  status: ReturnType<typeof placeSignup>;
  waitlistPosition: number | null;
}

async function takePlace(ctx: HandlerContext, consultationId: string, user: UserDoc, record: 'new' | 'again'): Promise<Placed> {
  const id = signupId(consultationId, user._id);
  return ctx.store.transaction(async (tx) => {
    const c = await requireConsultation(tx, consultationId);
    requireSignupOpen(c);
    const status = placeSignup(c.seatsTaken, c.plan!.openSeats, c.waitingCount);
    const signup: SignupDoc = { _id: id, consultationId: c._id, userId: user._id, name: displayName(user), seq: c.signupSeq + 1, status, at: ctx.now };
    if (record === 'new') await tx.create('signups', signup);
    else {
      const existing = await tx.get<SignupDoc>('signups', id);
      if (existing && existing.status !== 'cancelled') {
        throw new AppError('CONFLICT', existing.status === 'seated' ? '您已报名成功' : '您已在候补名单中');
      }
      if (existing) await tx.update('signups', id, { ...signup });
      else await tx.create('signups', signup);
    }
    await tx.update('consultations', c._id, {
      signupSeq: signup.seq,
      ...(status === 'seated' ? { seatsTaken: c.seatsTaken + 1 } : { waitingCount: c.waitingCount + 1 }),
    });
    await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.signUp', targetType: 'consultation', targetId: c._id, before: null, after: { status, seq: signup.seq } });
    // Everyone waiting signed up before this one, and the count is exact in this snapshot: no count query needed.
    return { status, waitlistPosition: status === 'waitlisted' ? c.waitingCount + 1 : null };
  });
}

/** A seated resident's cancellation hands the seat to the first person waiting, in the same transaction. */
export const cancelSignup: Handler<C['cancelSignup']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  const candidates = await firstWaiting(ctx, input.id, 10);
  await ctx.store.transaction(async (tx) => {
    const c = await requireConsultation(tx, input.id);
    requireSignupOpen(c);
    const mine = await tx.get<SignupDoc>('signups', signupId(c._id, user._id));
    if (!mine || mine.status === 'cancelled') throw new AppError('INVALID_STATE', '您没有报名这次议事');
    await tx.update('signups', mine._id, { status: 'cancelled' });
    await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.cancelSignup', targetType: 'consultation', targetId: c._id, before: { status: mine.status }, after: { status: 'cancelled' } });
    if (mine.status === 'waitlisted') {
      await tx.update('consultations', c._id, { waitingCount: c.waitingCount - 1 });
      return;
    }
    const promoted = c.waitingCount > 0 ? await promoteFirst(ctx, tx, c, candidates.filter((s) => s._id !== mine._id)) : null;
    await tx.update('consultations', c._id, promoted ? { waitingCount: c.waitingCount - 1 } : { seatsTaken: c.seatsTaken - 1 });
  });
  await fillSeats(ctx, input.id);
  return { ...NO_SEAT, status: 'cancelled' as const };
};

async function firstWaiting(ctx: HandlerContext, consultationId: string, limit: number): Promise<SignupDoc[]> {
  const page = await ctx.store.query<SignupDoc>('signups', { where: { consultationId, status: 'waitlisted' }, orderBy: [['seq', 'asc']], limit });
  return page.items;
}

/** Seats the first candidate still waiting (re-read inside the transaction) and tells them. */
async function promoteFirst(ctx: HandlerContext, tx: TxStore, c: ConsultationDoc, candidates: SignupDoc[]): Promise<SignupDoc | null> {
  for (const candidate of candidates) {
    const current = await tx.get<SignupDoc>('signups', candidate._id);
    if (current?.status !== 'waitlisted') continue;
    await tx.update('signups', current._id, { status: 'seated' });
    await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.promote', targetType: 'consultation', targetId: c._id, before: { status: 'waitlisted', seq: current.seq }, after: { status: 'seated' } });
    await notify(ctx, tx, consultationPromoted.with({ ...about(c), meetingAt: c.plan!.meetingAt, place: c.plan!.place }), [current.userId]);
    return current;
  }
  return null;
}

/**
 * A safety net after cancellations: when a seat is free while people wait (the candidates read before a
 * transaction had all moved on), seat the first waiting, one transaction at a time.
 */
async function fillSeats(ctx: HandlerContext, consultationId: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const c = await requireConsultation(ctx.store, consultationId);
    if (!c.plan || c.seatsTaken >= c.plan.openSeats || c.waitingCount === 0) return;
    const candidates = await firstWaiting(ctx, consultationId, 5);
    const done = await ctx.store.transaction(async (tx) => {
      const fresh = await requireConsultation(tx, consultationId);
      if (fresh.seatsTaken >= fresh.plan!.openSeats || fresh.waitingCount === 0) return true;
      const promoted = await promoteFirst(ctx, tx, fresh, candidates);
      if (promoted) await tx.update('consultations', consultationId, { seatsTaken: fresh.seatsTaken + 1, waitingCount: fresh.waitingCount - 1 });
      return false;
    });
    if (done) return;
  }
}

export const listSignups: Handler<C['listSignups']> = async (input, ctx) => {
  const page = await ctx.store.query<SignupDoc>('signups', { where: { consultationId: input.id }, orderBy: [['seq', 'asc']], limit: input.limit, cursor: input.cursor });
  const items: SignupView[] = page.items.map((s) => ({ userId: s.userId, name: s.name, status: s.status, seq: s.seq, at: s.at }));
  return { items, nextCursor: page.nextCursor };
};

