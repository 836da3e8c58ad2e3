import type { ConsultationSummary, ConsultationView, Milestone, ConsultationResult, MySeat, OpinionCategory, OpinionView } from '@shared/contract';
import type { SatisfactionLevel } from '@shared/consultation/seats';
import { satisfactionRate } from '@shared/consultation/seats';
import { missingToLeave, stepProblem, type ConsultationFacts } from '@shared/consultation/steps';
import { AppError } from '@shared/errors';
import type { Store, TxStore } from '../core/store/port';

declare module '../core/router' {
  interface CollectionDocs {
    consultations: ConsultationDoc;
    opinions: OpinionDoc;
  }
}

export interface ConsultationDoc extends Omit<ConsultationFacts, 'hasResult'> {
  _id: string;
  communityId: string;
  communityName: string;
  hostId: string;
  hostName: string;
  collectionCloseReason: string | null;
  topicRejectReason: string | null;
  noticeOverrideReason: string | null;
  signupSeq: number;
  seatsTaken: number;
  waitingCount: number;
  checkInCode: string | null;
  attendanceCount: number;
  /**
   * Votes per choice (`c0`, `c1`, …). Each vote raises its choice's count in its own transaction, so votes and the
   * close conflict (see `vote`) and the close counts them from this document. Missing before the first vote; never
   * shown before the close.
   */
  tally?: Record<string, number>;
  pointSeq: number;
  result: ConsultationResult | null;
  responsible: string | null;
  milestones: Milestone[];
  ratingUntil: number | null;
  ratingCounts: Record<SatisfactionLevel, number>;
  stateReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface OpinionDoc {
  _id: string;
  communityId: string;
  consultationId: string | null;
  authorId: string;
  authorName: string;
  title: string;
  description: string;
  category: OpinionCategory;
  photos: string[];
  supportCount: number;
  commentCount: number;
  tags: string[];
  mergedInto: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SignupDoc {
  _id: string;
  consultationId: string;
  userId: string;
  name: string;
  seq: number;
  status: 'seated' | 'waitlisted' | 'cancelled';
  at: number;
}

export interface AttendanceDoc {
  _id: string;
  consultationId: string;
  userId: string | null;
  name: string;
  role: string;
  via: 'qr' | 'host';
  /** The person's sign-up when they came (sign-ups close as the meeting opens); null for a guest or none. */
  seat: SignupDoc['status'] | null;
  at: number;
}

export const signupId = (consultationId: string, userId: string) => `${consultationId}:${userId}`;
export const attendanceId = (consultationId: string, who: string) => `${consultationId}:${who}`;
export const voteId = (consultationId: string, userId: string) => `${consultationId}:${userId}`;
export const ratingId = (consultationId: string, userId: string) => `${consultationId}:${userId}`;
export const supportId = (opinionId: string, userId: string) => `${opinionId}:${userId}`;

export const tallyField = (choice: number) => `c${choice}`;

/** Votes per choice, for a ballot of `choices` options. */
export function tallyOf(c: Pick<ConsultationDoc, 'tally'>, choices: number): number[] {
  return Array.from({ length: choices }, (_, i) => c.tally?.[tallyField(i)] ?? 0);
}

/** How many have voted so far (not for what). */
export function votesCast(c: Pick<ConsultationDoc, 'tally'>): number {
  return Object.values(c.tally ?? {}).reduce((n, v) => n + v, 0);
}

export async function requireConsultation(store: Store | TxStore, id: string): Promise<ConsultationDoc> {
  const c = await store.get<ConsultationDoc>('consultations', id);
  if (!c) throw new AppError('NOT_FOUND', '议事不存在');
  return c;
}

export async function requireOpinion(store: Store | TxStore, id: string): Promise<OpinionDoc> {
  const o = await store.get<OpinionDoc>('opinions', id);
  if (!o) throw new AppError('NOT_FOUND', '意见不存在');
  return o;
}

export function facts(c: ConsultationDoc): ConsultationFacts {
  return { ...c, hasResult: c.result !== null };
}

/** Refuses unless the consultation is active and at `step`; the message names where it is now. */
export function requireStep(c: ConsultationDoc, ...steps: number[]): void {
  const problem = stepProblem(c, ...steps);
  if (problem) throw new AppError('INVALID_STATE', problem);
}

export function summaryView(c: ConsultationDoc): ConsultationSummary {
  return {
    id: c._id,
    communityId: c.communityId,
    communityName: c.communityName,
    theme: c.theme,
    title: c.topic?.title ?? c.theme,
    step: c.step,
    state: c.state,
    hostName: c.hostName,
    meetingAt: c.plan?.meetingAt ?? null,
    topicApproval: c.topicApproval,
    updatedAt: c.updatedAt,
  };
}

export const NO_SEAT: MySeat = { status: null, waitlistPosition: null, checkedIn: false, voted: false, rated: null };

export function consultationView(
  c: ConsultationDoc,
  opts: { now: number; topicNeedsApproval: boolean; canManage: boolean; canApproveTopic: boolean; me: MySeat; votesCast: number | null },
): ConsultationView {
  // The sequence counters are bookkeeping; the code, the running tally and the result are shown only as decided below.
  const { _id, signupSeq, pointSeq, checkInCode, result, tally, ...rest } = c;
  return {
    ...rest,
    ...summaryView(c),
    result: c.voteState === 'closed' ? result : null,
    satisfactionRate: satisfactionRate(c.ratingCounts),
    missing: c.state === 'active' ? missingToLeave(facts(c), opts.now, opts.topicNeedsApproval) : [],
    canManage: opts.canManage,
    canApproveTopic: opts.canApproveTopic,
    me: opts.me,
    checkInCode: opts.canManage && c.meetingOpenedAt && c.step === 5 ? checkInCode : null,
    votesCast: opts.votesCast,
    id: _id,
  };
}

export function opinionView(o: OpinionDoc, me: { userId: string | null; supported: boolean }): OpinionView {
  return {
    id: o._id,
    communityId: o.communityId,
    consultationId: o.consultationId,
    title: o.title,
    description: o.description,
    category: o.category,
    photos: o.photos,
    authorName: o.authorName,
    supportCount: o.supportCount,
    commentCount: o.commentCount,
    tags: o.tags,
    mergedInto: o.mergedInto,
    createdAt: o.createdAt,
    supportedByMe: me.supported,
    mine: me.userId !== null && me.userId === o.authorId,
  };
}
