import { z } from 'zod';
import type { Decision, DecisionRule } from '../../consultation/decision';
import type { SatisfactionLevel } from '../../consultation/seats';
import { PARTICIPANT_ROLES } from '../../consultation/steps';
import { action } from '../action';
import { choice, id, pageInput, text, type Page } from '../fields';
import { hostOrStaff, residentOfIt, withId } from './common';
import type { ConsultationView } from './consultations';

// Sign-ups (from the notice, step 4) and the meeting (step 5): check-in, attendance, points, the vote and its result.

export interface MySeat {
  status: 'seated' | 'waitlisted' | 'cancelled' | null;
  /** 1-based place in the waitlist while waiting. */
  waitlistPosition: number | null;
  checkedIn: boolean;
  voted: boolean;
  rated: SatisfactionLevel | null;
}

export interface SignupView {
  userId: string;
  name: string;
  status: 'seated' | 'waitlisted' | 'cancelled';
  seq: number;
  at: number;
}

export interface AttendeeView {
  id: string;
  name: string;
  role: string;
  via: 'qr' | 'host';
  at: number;
}

export interface PointView {
  id: string;
  speakerRole: string;
  summary: string;
  at: number;
}

export interface ConsultationResult extends Decision {
  rule: DecisionRule;
  quorum: number;
  attendance: number;
  counts: number[];
  choices: string[];
  closedAt: number;
}

/** Sign-ups and the meeting. */
export const meetingActions = {
  // step 4: sign-ups
  signUp: action<MySeat>()({
    input: z.object(withId).strict(),
    permission: residentOfIt,
    summary: '报名参加（满额后候补）',
  }),
  cancelSignup: action<MySeat>()({
    input: z.object(withId).strict(),
    permission: residentOfIt,
    summary: '取消报名（候补第一位递补）',
  }),
  listSignups: action<Page<SignupView>>()({
    input: z.object({ ...withId, ...pageInput }).strict(),
    permission: hostOrStaff,
    summary: '报名名单',
  }),
  // step 5
  openMeeting: action<ConsultationView>()({
    input: z
      .object({
        ...withId,
        /** Needed only when opening earlier than the community's early-start window (`earlyStartProblem`). */
        reason: text('提前开始的理由', { min: 0, max: 200 }).optional(),
      })
      .strict(),
    permission: hostOrStaff,
    summary: '开始会议（早于社区规定的时间开始需说明理由）',
  }),
  checkIn: action<MySeat>()({
    input: z.object({ ...withId, code: z.string({ required_error: '请扫描会议签到码' }).regex(/^[0-9A-Z]{6}$/, '签到码不正确') }).strict(),
    permission: residentOfIt,
    summary: '扫码签到',
  }),
  markPresent: action<AttendeeView>()({
    input: z
      .object({
        ...withId,
        userId: id('居民').optional(),
        guestName: text('姓名', { max: 20 }).optional(),
        role: z.union([choice('身份', PARTICIPANT_ROLES), z.literal('居民')]).default('居民'),
      })
      .strict()
      .refine((v) => (v.userId ? !v.guestName : !!v.guestName), { message: '请选择已报名居民或填写参会人姓名', path: ['guestName'] }),
    permission: hostOrStaff,
    summary: '主持人登记到会',
    create: true,
  }),
  listAttendees: action<AttendeeView[]>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '到会名单',
  }),
  recordPoint: action<PointView>()({
    input: z
      .object({ ...withId, speakerRole: z.union([choice('发言人身份', PARTICIPANT_ROLES), z.enum(['居民', '主持人', '社区工作者'])]), summary: text('发言要点', { max: 300 }) })
      .strict(),
    permission: hostOrStaff,
    summary: '记录发言要点',
    create: true,
  }),
  listPoints: action<PointView[]>()({
    input: z.object(withId).strict(),
    permission: { allow: 'anyone' },
    summary: '发言要点',
  }),
  openVote: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '开启表决',
  }),
  vote: action<MySeat>()({
    input: z.object({ ...withId, choice: z.number({ required_error: '请选择一项' }).int('选项不正确').min(0, '选项不正确').max(9, '选项不正确') }).strict(),
    permission: residentOfIt,
    summary: '表决（已签到者每人一票）',
  }),
  closeVote: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '结束表决并计票',
  }),
  saveMinutes: action<ConsultationView>()({
    input: z.object({ ...withId, minutes: text('会议纪要', { max: 5000 }) }).strict(),
    permission: hostOrStaff,
    summary: '填写会议纪要',
  }),
};
