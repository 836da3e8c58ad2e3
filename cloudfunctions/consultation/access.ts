import type { MySeat } from '@shared/contract';
import { consultationSettingsOf, type ConsultationSettings } from '@shared/consultation/module';
import { hasRole, type Caller } from '../core/caller';
import type { HandlerContext } from '../core/router';
import type { Store } from '../core/store/port';
import { getCommunity } from '../user/records';
import { consultationView, NO_SEAT, ratingId, signupId, attendanceId, voteId, votesCast, type ConsultationDoc, type SignupDoc } from './records';

/** The caller runs this consultation: its host, or staff of its community (`ConsultationView.canManage`). */
export function canManage(caller: Caller, c: Pick<ConsultationDoc, 'hostId' | 'communityId'>): boolean {
  return (!!caller.user && caller.user._id === c.hostId) || hasRole(caller, 'staff', c.communityId);
}

/** A community's consultation settings, read from its document. */
export async function settingsOf(store: Store, communityId: string): Promise<ConsultationSettings> {
  return consultationSettingsOf(await getCommunity(store, communityId));
}

/** The caller's own seat, check-in, vote and rating: four reads by id, none when signed out. */
export async function mySeat(store: Store, c: ConsultationDoc, userId: string | null): Promise<MySeat> {
  if (!userId) return NO_SEAT;
  const [signup, attendance, vote, rating] = await Promise.all([
    store.get<SignupDoc>('signups', signupId(c._id, userId)),
    store.get('attendance', attendanceId(c._id, userId)),
    c.voteState === 'not_open' ? null : store.get('votes', voteId(c._id, userId)),
    c.implementedAt ? store.get<{ _id: string; level: MySeat['rated'] }>('ratings', ratingId(c._id, userId)) : null,
  ]);
  const waitlistPosition = signup?.status === 'waitlisted' ? await placeInLine(store, c._id, signup.seq) : null;
  return { status: signup?.status ?? null, waitlistPosition, checkedIn: !!attendance, voted: !!vote, rated: rating?.level ?? null };
}

/** 1-based place on the waitlist of the sign-up accepted as number `seq`. */
export async function placeInLine(store: Store, consultationId: string, seq: number): Promise<number> {
  return (await store.count('signups', { consultationId, status: 'waitlisted', seq: { lt: seq } })) + 1;
}

export async function viewFor(ctx: HandlerContext, c: ConsultationDoc, seat?: MySeat) {
  const settings = await settingsOf(ctx.store, c.communityId);
  const manager = canManage(ctx.caller, c);
  // Only for the people running the meeting, only while the vote is open.
  const cast = manager && c.voteState === 'open' ? votesCast(c) : null;
  return consultationView(c, {
    now: ctx.now,
    topicNeedsApproval: settings.topicNeedsApproval,
    votesCast: cast,
    canManage: manager,
    canApproveTopic: hasRole(ctx.caller, 'staff', c.communityId),
    me: seat ?? (await mySeat(ctx.store, c, ctx.caller.user?._id ?? null)),
  });
}
