import { randomInt } from 'node:crypto';
import type { AttendeeView, consultationContract, ConsultationResult, PointView } from '@shared/contract';
import { ballotChoices } from '@shared/consultation/steps';
import { decide } from '@shared/consultation/decision';
import { consultationOpenedEarly } from '@shared/consultation/notifications';
import { earlyStartProblem, opensEarly } from '@shared/consultation/opening';
import { AppError } from '@shared/errors';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { applyPatch } from '../core/store/documents';
import { queryAll } from '../core/store/paging';
import { DuplicateError, inc, type Filter, type Patch, type Store, type TxStore } from '../core/store/port';
import { displayName, requireUser } from '../user/records';
import { notify } from '../notify/notify';
import { settingsOf, viewFor } from './access';
import { about, signedUp } from './audience';
import { changeConsultation, whereNow } from './changes';
import { attendanceId, NO_SEAT, requireConsultation, requireStep, signupId, tallyField, tallyOf, voteId, type AttendanceDoc, type ConsultationDoc, type SignupDoc } from './records';

type C = typeof consultationContract;

/** Letters and digits that cannot be misread when typed from a printed QR code's caption. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function newCheckInCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

function requireMeetingOpen(c: ConsultationDoc): void {
  requireStep(c, 5);
  if (!c.meetingOpenedAt) throw new AppError('INVALID_STATE', '会议尚未开始');
}

/**
 * Opens the meeting. From the community's early-start window before the scheduled time (`earlyStartHours`) the
 * host just opens it; earlier, only with a reason, which goes on the timeline and to everyone signed up.
 */
export const openMeeting: Handler<C['openMeeting']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 5);
  if (c.meetingOpenedAt) throw new AppError('INVALID_STATE', '会议已经开始');
  const meetingAt = c.plan!.meetingAt;
  const { earlyStartHours } = await settingsOf(ctx.store, c.communityId);
  const problem = earlyStartProblem(meetingAt, ctx.now, earlyStartHours, input.reason);
  if (problem) throw new AppError('VALIDATION', problem, { reason: '提前开始会议，请写明理由' });
  const early = opensEarly(meetingAt, ctx.now, earlyStartHours);
  const reason = early ? input.reason!.trim() : null;
  const audience = early ? await signedUp(ctx, c) : [];
  const next = await changeConsultation(
    ctx,
    c,
    { meetingOpenedAt: ctx.now, checkInCode: newCheckInCode() },
    early
      ? { action: 'openMeetingEarly', note: reason, after: { step: 5, meetingAt, openedAt: ctx.now } }
      : { action: 'openMeeting', after: { step: 5, openedAt: ctx.now } },
    {
      guard: { step: 5, state: 'active', meetingOpenedAt: null },
      also: early
        ? async (tx) => {
            await notify(ctx, tx, consultationOpenedEarly.with({ ...about(c), reason: reason!, meetingAt, openedAt: ctx.now }), audience);
          }
        : undefined,
    },
  );
  return viewFor(ctx, next);
};

/** While people may still check in or be marked present: the meeting is open and the vote not yet closed. */
function requireAttendanceOpen(c: ConsultationDoc): void {
  requireMeetingOpen(c);
  if (c.voteState === 'closed') throw new AppError('INVALID_STATE', '表决已结束，不能再签到');
}

function requireVoteOpen(c: ConsultationDoc): void {
  requireMeetingOpen(c);
  if (c.voteState !== 'open') throw new AppError('INVALID_STATE', c.voteState === 'closed' ? '表决已结束' : '表决尚未开始');
}

/**
 * Writes the consultation in `tx` only while it still matches `guard`, the fields the caller's decision read on
 * `c` (the router's copy, so the transaction need not read it again). A change decided on the consultation writes
 * it, so one racing a close or a step change conflicts with it instead of slipping past (no write skew). When the
 * guard fails, `check` says why from the consultation as it is now.
 */
async function writeIfStill(tx: TxStore, c: ConsultationDoc, patch: Patch, guard: Filter, check: (now: ConsultationDoc) => void): Promise<void> {
  if (await tx.update('consultations', c._id, patch, { if: guard })) return;
  const now = await requireConsultation(tx, c._id);
  check(now);
  throw new AppError('INVALID_STATE', `操作未生效：该议事刚刚被其他人更新，${whereNow(now)}`);
}

/** Records one attendee of an open meeting and raises the count, exactly once per person (the record's id is consultation + person). */
async function addAttendee(ctx: HandlerContext, c: ConsultationDoc, attendee: Omit<AttendanceDoc, '_id' | 'consultationId' | 'at'>, key: string) {
  const doc: AttendanceDoc = { _id: attendanceId(c._id, key), consultationId: c._id, ...attendee, at: ctx.now };
  try {
    await ctx.store.transaction(async (tx) => {
      const open = { step: 5, state: 'active', meetingOpenedAt: c.meetingOpenedAt, voteState: { ne: 'closed' } };
      await writeIfStill(tx, c, { attendanceCount: inc(1) }, open, requireAttendanceOpen);
      await tx.create('attendance', doc);
      await ctx.audit(tx, { communityId: c.communityId, action: attendee.via === 'qr' ? 'consultation.checkIn' : 'consultation.markPresent', targetType: 'consultation', targetId: c._id, before: null, after: { role: attendee.role } });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', attendee.via === 'qr' ? '您已签到' : '此人已登记到会');
    throw error;
  }
  return doc;
}

/** The person's sign-up as it stood when the meeting opened: sign-ups close then, so it no longer changes. */
async function seatOf(store: Store, consultationId: string, userId: string): Promise<SignupDoc['status'] | null> {
  return (await store.get<SignupDoc>('signups', signupId(consultationId, userId)))?.status ?? null;
}

export const checkIn: Handler<C['checkIn']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  const c = ctx.target;
  requireAttendanceOpen(c);
  if (input.code !== c.checkInCode) throw new AppError('VALIDATION', '签到码不正确，请重新扫码', { code: '签到码不正确' });
  const seat = await seatOf(ctx.store, c._id, user._id);
  if (seat !== 'seated') throw new AppError('FORBIDDEN', '您没有本次会议的席位，请联系主持人登记');
  await addAttendee(ctx, c, { userId: user._id, name: displayName(user), role: '居民', via: 'qr', seat }, user._id);
  // Checking in by code needs a seat, and nobody votes or rates before checking in.
  return { ...NO_SEAT, status: 'seated' as const, checkedIn: true };
};

export const markPresent: Handler<C['markPresent']> = async (input, ctx) => {
  const c = ctx.target;
  requireAttendanceOpen(c);
  let name = input.guestName ?? '';
  let key = `guest-${newId('g')}`;
  let seat: AttendanceDoc['seat'] = null;
  if (input.userId) {
    const person = await requireUser(ctx.store, input.userId);
    if (person.residency?.communityId !== c.communityId && !person.roles.some((r) => r.communityId === c.communityId)) {
      throw new AppError('VALIDATION', '此人不是本社区居民', { userId: '此人不是本社区居民' });
    }
    name = displayName(person);
    key = person._id;
    seat = await seatOf(ctx.store, c._id, person._id);
  }
  const doc = await addAttendee(ctx, c, { userId: input.userId ?? null, name, role: input.role, via: 'host', seat }, key);
  return attendeeView(doc);
};

function attendeeView(a: AttendanceDoc): AttendeeView {
  return { id: a._id, name: a.name, role: a.role, via: a.via, at: a.at };
}

export const listAttendees: Handler<C['listAttendees']> = async (input, ctx) =>
  (await queryAll<AttendanceDoc>(ctx.store, 'attendance', { where: { consultationId: input.id }, orderBy: [['at', 'asc']] })).map(attendeeView);

export const recordPoint: Handler<C['recordPoint']> = async (input, ctx) => {
  const point = { _id: newId('pt'), consultationId: input.id, seq: 0, speakerRole: input.speakerRole, summary: input.summary, at: ctx.now };
  await ctx.store.transaction(async (tx) => {
    const c = await requireConsultation(tx, input.id);
    requireMeetingOpen(c);
    point.seq = c.pointSeq + 1;
    await tx.create('meetingPoints', point);
    await tx.update('consultations', c._id, { pointSeq: point.seq });
    await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.recordPoint', targetType: 'consultation', targetId: c._id, before: null, after: { speakerRole: point.speakerRole }, note: point.summary });
  });
  return { id: point._id, speakerRole: point.speakerRole, summary: point.summary, at: point.at };
};

export const listPoints: Handler<C['listPoints']> = async (input, ctx) => {
  const page = await ctx.store.query<PointView & { _id: string }>('meetingPoints', { where: { consultationId: input.id }, orderBy: [['seq', 'asc']], limit: 100 });
  return page.items.map(({ _id, speakerRole, summary, at }) => ({ id: _id, speakerRole, summary, at }));
};

export const openVote: Handler<C['openVote']> = async (_input, ctx) => {
  const c = ctx.target;
  requireMeetingOpen(c);
  if (c.voteState !== 'not_open') throw new AppError('INVALID_STATE', c.voteState === 'open' ? '表决已经开始' : '表决已结束');
  const next = await changeConsultation(ctx, c, { voteState: 'open' }, { action: 'openVote', after: { step: 5, attendance: c.attendanceCount } }, {
    guard: { step: 5, state: 'active', voteState: 'not_open' },
  });
  return viewFor(ctx, next);
};

/** One vote per checked-in participant: the vote's id is consultation + voter, so a second is a duplicate. */
export const vote: Handler<C['vote']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  const c = ctx.target;
  requireVoteOpen(c);
  if (input.choice >= ballotChoices(c.plan!).length) throw new AppError('VALIDATION', '选项不正确', { choice: '选项不正确' });
  let attendance: AttendanceDoc;
  try {
    attendance = await ctx.store.transaction(async (tx) => {
      const present = await tx.get<AttendanceDoc>('attendance', attendanceId(c._id, user._id));
      if (!present) throw new AppError('FORBIDDEN', '只有已签到的参会人可以表决');
      // The vote was decided on the consultation's voteState, so it writes the consultation: a close racing it then
      // conflicts with it. Reading voteState alone would let a vote commit after the close has counted (write skew).
      await writeIfStill(tx, c, { [`tally.${tallyField(input.choice)}`]: inc(1) }, { step: 5, state: 'active', voteState: 'open' }, requireVoteOpen);
      await tx.create('votes', { _id: voteId(c._id, user._id), consultationId: c._id, choice: input.choice, at: ctx.now });
      // The choice stays out of the audit entry: the log shows that someone voted, not how.
      await ctx.audit(tx, { communityId: c.communityId, action: 'consultation.vote', targetType: 'consultation', targetId: c._id, before: null, after: 'voted' });
      return present;
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '您已经投过票了');
    throw error;
  }
  // A voter is checked in (possibly by the host, without a sign-up) and rates only at step 6.
  return { ...NO_SEAT, status: attendance.seat, checkedIn: true, voted: true };
};

/**
 * Closes the vote and counts it in one transaction, with its audit entry. The count is the tally each vote raised
 * on the consultation in its own transaction, read here in the closing one: a vote either committed before it (and
 * is counted) or conflicts with it and is then refused. `change()` does not fit: the result depends on the
 * document as this transaction reads it, and votes may land until the moment it commits.
 */
export const closeVote: Handler<C['closeVote']> = async (input, ctx) => {
  const next = await ctx.store.transaction(async (tx) => {
    const c = await requireConsultation(tx, input.id);
    requireVoteOpen(c);
    const result = resultOf(c, ctx.now);
    const patch = { voteState: 'closed', result, updatedAt: ctx.now };
    await tx.update('consultations', c._id, patch);
    await ctx.audit(tx, {
      communityId: c.communityId,
      action: 'consultation.closeVote',
      targetType: 'consultation',
      targetId: c._id,
      before: { step: c.step, state: c.state },
      after: { step: c.step, attendance: result.attendance, quorum: result.quorum, votes: result.cast, outcome: result.outcome },
    });
    return applyPatch(c, patch);
  });
  return viewFor(ctx, next);
};

function resultOf(c: ConsultationDoc, now: number): ConsultationResult {
  const choices = ballotChoices(c.plan!);
  const counts = tallyOf(c, choices.length);
  const { rule, quorum } = c.plan!;
  return { ...decide({ rule, quorum, attendance: c.attendanceCount, counts }), rule, quorum, attendance: c.attendanceCount, counts, choices, closedAt: now };
}

export const saveMinutes: Handler<C['saveMinutes']> = async (input, ctx) => {
  const c = ctx.target;
  requireMeetingOpen(c);
  const next = await changeConsultation(ctx, c, { minutes: input.minutes }, { action: 'saveMinutes', after: { step: 5, length: input.minutes.length } });
  return viewFor(ctx, next);
};
