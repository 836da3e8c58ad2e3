import { z } from 'zod';
import type { SatisfactionLevel } from '../../consultation/seats';
import { PARTICIPANT_ROLES, type ConsultationState, type Plan, type Step, type Topic, type TopicApproval, type VoteState } from '../../consultation/steps';
import { action } from '../action';
import { choice, id, pageInput, text, timestamp, type Page } from '../fields';
import { consultationTarget, hostOrStaff, reason, withId } from './common';
import type { ConsultationResult, MySeat } from './meeting';
import type { Milestone } from './report';

// A consultation and its six steps up to the notice: creating and listing them, moving between steps, and steps
// 1 to 4 (collection, topic, plan, notice). Sign-ups and the meeting are in meeting.ts, step 6 in report.ts.

export interface ConsultationSummary {
  id: string;
  communityId: string;
  communityName: string;
  theme: string;
  title: string;
  step: Step;
  state: ConsultationState;
  hostName: string;
  meetingAt: number | null;
  topicApproval: TopicApproval;
  updatedAt: number;
}

export interface ConsultationView extends ConsultationSummary {
  hostId: string;
  collectFrom: number;
  collectTo: number;
  collectionClosedAt: number | null;
  collectionCloseReason: string | null;
  opinionCount: number;
  topic: Topic | null;
  topicApproval: TopicApproval;
  topicRejectReason: string | null;
  plan: Plan | null;
  noticeId: string | null;
  noticeOverrideReason: string | null;
  seatsTaken: number;
  waitingCount: number;
  meetingOpenedAt: number | null;
  attendanceCount: number;
  voteState: VoteState;
  /** Shown only once the vote is closed. */
  result: ConsultationResult | null;
  minutes: string;
  reportNoticeId: string | null;
  responsible: string | null;
  milestones: Milestone[];
  implementedAt: number | null;
  ratingUntil: number | null;
  ratingCounts: Record<SatisfactionLevel, number>;
  satisfactionRate: number | null;
  stateReason: string | null;
  /** What the host must still do before the step can be left; empty when it can. */
  missing: string[];
  /** The caller runs this consultation: its host, or staff of its community (the `hostOrStaff` permission). */
  canManage: boolean;
  /** The caller is staff of its community, who alone approve topics. */
  canApproveTopic: boolean;
  me: MySeat;
  /** Only for the host and staff while the meeting is open: the code behind the check-in QR. */
  checkInCode: string | null;
  /** For the host and staff while the vote is open: how many have voted so far (not for what). */
  votesCast: number | null;
}

export interface TimelineEntry {
  /** The audit entry behind this line. */
  id: string;
  /** Its place in the community's audit chain once sealed, about a minute after the change; 0 until then. */
  seq: number;
  sealed: boolean;
  at: number;
  actorRole: string;
  action: string;
  label: string;
  fromStep: number | null;
  toStep: number | null;
  note: string | null;
}

const step = z.number({ required_error: '缺少当前步骤', invalid_type_error: '步骤格式不正确' }).int('步骤格式不正确').min(1, '步骤格式不正确').max(6, '步骤格式不正确');

const planInput = z
  .object({
    meetingAt: timestamp('会议时间'),
    place: text('会议地点', { max: 60 }),
    /** A room of the community booked through 活动室 for the meeting: its slots are claimed with the plan. */
    roomId: id('会议室').nullable().optional(),
    /** How long the room is held from the meeting time. */
    meetingMinutes: z.number({ invalid_type_error: '会议时长须为数字' }).int('会议时长须为整数').min(30, '会议时长至少30分钟').max(480, '会议时长最多8小时').optional(),
    invited: z
      .array(z.object({ role: choice('参与人类别', PARTICIPANT_ROLES), count: z.number().int('人数须为整数').min(1, '人数至少1人').max(50, '人数最多50人') }).strict())
      .max(PARTICIPANT_ROLES.length, '参与人类别重复')
      .default([]),
    openSeats: z.number({ required_error: '请填写居民名额' }).int('名额须为整数').min(0, '名额不能为负').max(500, '名额最多500个'),
    agenda: z.array(text('议程', { max: 100 })).min(1, '请填写议程').max(20, '议程最多20项'),
    rule: choice('表决规则', ['majority', 'two_thirds', 'consensus']),
    quorum: z.number({ required_error: '请填写法定人数' }).int('法定人数须为整数').min(1, '法定人数至少1人').max(1000, '法定人数过大'),
    options: z.array(text('表决选项', { max: 60 })).min(1, '请填写表决选项').max(10, '表决选项最多10个'),
  })
  .strict();

/** A consultation's life and its steps 1 to 4. */
export const consultationActions = {
  create: action<ConsultationView>()({
    input: z
      .object({
        communityId: id('社区'),
        theme: text('协商主题', { min: 2, max: 60 }),
        collectFrom: timestamp('收集开始时间'),
        collectTo: timestamp('收集截止时间'),
        hostId: id('主持人').optional(),
      })
      .strict()
      .refine((v) => v.collectTo > v.collectFrom, { message: '截止时间须晚于开始时间', path: ['collectTo'] }),
    permission: { allow: ['host', 'staff'], community: 'input' },
    summary: '发起议事（第1步：收集意见）',
    create: true,
  }),
  list: action<Page<ConsultationSummary>>()({
    input: z
      .object({
        communityId: id('社区').optional(),
        step: step.optional(),
        state: choice('状态', ['active', 'postponed', 'cancelled', 'closed']).optional(),
        hostedByMe: z.boolean().optional(),
        /** Staff's queue: consultations whose topic waits for approval. */
        topicPending: z.boolean().optional(),
        ...pageInput,
      })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '议事列表',
  }),
  get: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: { allow: 'anyone' },
    summary: '议事详情（六步进度）',
  }),
  timeline: action<TimelineEntry[]>()({
    input: z.object(withId).strict(),
    permission: { allow: 'anyone' },
    summary: '公开的议事时间线',
  }),
  assignHost: action<ConsultationView>()({
    input: z.object({ ...withId, hostId: id('主持人') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: consultationTarget },
    summary: '指派或更换主持人',
  }),
  advance: action<ConsultationView>()({
    input: z.object({ ...withId, fromStep: step, note: text('说明', { min: 0, max: 200 }).optional() }).strict(),
    permission: hostOrStaff,
    summary: '进入下一步',
  }),
  sendBack: action<ConsultationView>()({
    input: z.object({ ...withId, fromStep: step, reason }).strict(),
    permission: hostOrStaff,
    summary: '退回上一步',
  }),
  postpone: action<ConsultationView>()({
    input: z.object({ ...withId, reason, meetingAt: timestamp('新的会议时间').optional() }).strict(),
    permission: hostOrStaff,
    summary: '延期',
  }),
  resume: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '恢复进行',
  }),
  cancel: action<ConsultationView>()({
    input: z.object({ ...withId, reason }).strict(),
    permission: hostOrStaff,
    summary: '取消议事',
  }),

  close: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '结束议事',
  }),
  // step 1
  linkOpinions: action<ConsultationView>()({
    input: z.object({ ...withId, opinionIds: z.array(id('意见')).min(1, '请选择意见').max(50, '一次最多50条') }).strict(),
    permission: hostOrStaff,
    summary: '把意见池中的意见纳入本次议事',
  }),
  closeCollection: action<ConsultationView>()({
    input: z.object({ ...withId, reason }).strict(),
    permission: hostOrStaff,
    summary: '提前结束意见收集',
  }),
  // step 2
  saveTopic: action<ConsultationView>()({
    input: z
      .object({
        ...withId,
        title: text('议题标题', { min: 2, max: 60 }),
        background: text('背景', { max: 1000 }),
        question: text('待决定的问题', { max: 200 }),
        adoptedOpinionIds: z.array(id('意见')).max(50, '最多关联50条意见'),
        adoptionReason: text('采纳理由', { min: 0, max: 500 }),
      })
      .strict(),
    permission: hostOrStaff,
    summary: '填写议题',
  }),
  requestTopicApproval: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '提交议题审核',
  }),
  reviewTopic: action<ConsultationView>()({
    input: z
      .object({ ...withId, approve: z.boolean({ required_error: '请选择通过或驳回' }), reason: text('驳回理由', { min: 0, max: 200 }).optional() })
      .strict()
      .refine((v) => v.approve || (v.reason ?? '').length > 0, { message: '驳回时请填写理由', path: ['reason'] }),
    permission: { allow: ['staff'], community: 'target', target: consultationTarget },
    summary: '审核议题',
  }),
  // step 3
  savePlan: action<ConsultationView>()({
    input: z.object({ ...withId, plan: planInput }).strict(),
    permission: hostOrStaff,
    summary: '制定协商方案',
  }),
  // step 4
  publishNotice: action<ConsultationView>()({
    input: z.object({ ...withId, overrideReason: text('提前公告不足的理由', { min: 0, max: 200 }).optional() }).strict(),
    permission: hostOrStaff,
    summary: '发布协商公告，开放报名',
  }),
};
