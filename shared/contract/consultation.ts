import { z } from 'zod';
import type { Decision, DecisionRule } from '../consultation/decision';
import type { SatisfactionLevel } from '../consultation/seats';
import { PARTICIPANT_ROLES, type ConsultationState, type Plan, type Step, type Topic, type TopicApproval, type VoteState } from '../consultation/steps';
import { action, type Permission } from './action';
import { choice, fileIds, id, pageInput, text, timestamp, type Page } from './fields';

export const OPINION_CATEGORIES = ['环境卫生', '停车交通', '设施维修', '物业管理', '邻里关系', '文体活动', '养老托幼', '其他'] as const;
export type OpinionCategory = (typeof OPINION_CATEGORIES)[number];

export interface OpinionView {
  id: string;
  communityId: string;
  consultationId: string | null;
  title: string;
  description: string;
  category: OpinionCategory;
  photos: string[];
  authorName: string;
  supportCount: number;
  commentCount: number;
  tags: string[];
  mergedInto: string | null;
  createdAt: number;
  /** Whether the caller has 附议'd it. */
  supportedByMe: boolean;
  mine: boolean;
}

export interface CommentView {
  id: string;
  authorName: string;
  /** 居民 / 主持人 / 社区工作者: a reply from a host or staff member is marked. */
  authorRole: string;
  body: string;
  createdAt: number;
}

export interface ConsultationResult extends Decision {
  rule: DecisionRule;
  quorum: number;
  attendance: number;
  counts: number[];
  choices: string[];
  closedAt: number;
}

export interface Milestone {
  title: string;
  due: number;
  done: boolean;
}

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

export interface MySeat {
  status: 'seated' | 'waitlisted' | 'cancelled' | null;
  /** 1-based place in the waitlist while waiting. */
  waitlistPosition: number | null;
  checkedIn: boolean;
  voted: boolean;
  rated: SatisfactionLevel | null;
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

export interface AttendeeView {
  id: string;
  name: string;
  role: string;
  via: 'qr' | 'host';
  at: number;
}

export interface SignupView {
  userId: string;
  name: string;
  status: 'seated' | 'waitlisted' | 'cancelled';
  seq: number;
  at: number;
}

export interface PointView {
  id: string;
  speakerRole: string;
  summary: string;
  at: number;
}

export interface ProgressView {
  id: string;
  text: string;
  photos: string[];
  at: number;
}

const consultationTarget = { collection: 'consultations', idField: 'id' } as const;
/** The consultation's host, or staff of its community. */
const hostOrStaff = { allow: ['staff'], community: 'target', target: consultationTarget, owner: 'hostId' } as const satisfies Permission;
const residentOfIt = { allow: ['resident'], community: 'target', target: consultationTarget } as const satisfies Permission;
const opinionTarget = { collection: 'opinions', idField: 'id' } as const;
const withId = { id: id('议事') };
const reason = text('理由', { max: 200 });
const step = z.number({ required_error: '缺少当前步骤', invalid_type_error: '步骤格式不正确' }).int('步骤格式不正确').min(1, '步骤格式不正确').max(6, '步骤格式不正确');

const planInput = z
  .object({
    meetingAt: timestamp('会议时间'),
    place: text('会议地点', { max: 60 }),
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

export const consultationContract = {
  // —— the opinion pool ——
  submitOpinion: action<OpinionView>()({
    input: z
      .object({
        communityId: id('社区'),
        consultationId: id('议事').optional(),
        title: text('标题', { min: 2, max: 40 }),
        description: text('内容', { max: 1000 }),
        category: choice('分类', OPINION_CATEGORIES),
        photos: fileIds('照片', 6).default([]),
      })
      .strict(),
    permission: { allow: ['resident'], community: 'input' },
    summary: '提交意见或议题建议',
  }),
  listOpinions: action<Page<OpinionView>>()({
    input: z
      .object({
        communityId: id('社区'),
        consultationId: id('议事').optional(),
        /** Only opinions not yet taken into any consultation: what a host can still link. */
        unlinked: z.boolean({ invalid_type_error: '筛选条件格式不正确' }).optional(),
        sort: choice('排序', ['newest', 'support']).default('newest'),
        ...pageInput,
      })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '意见列表（最新或附议最多）',
  }),
  getOpinion: action<{ opinion: OpinionView; comments: CommentView[] }>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: 'anyone' },
    summary: '意见详情与评论',
  }),
  support: action<OpinionView>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: ['resident'], community: 'target', target: opinionTarget },
    summary: '附议',
  }),
  withdrawSupport: action<OpinionView>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: ['resident'], community: 'target', target: opinionTarget },
    summary: '撤回附议',
  }),
  comment: action<CommentView>()({
    input: z.object({ id: id('意见'), body: text('评论', { max: 300 }) }).strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'target', target: opinionTarget },
    summary: '评论或回复意见',
  }),
  tagOpinion: action<OpinionView>()({
    input: z.object({ id: id('意见'), tags: z.array(text('标签', { max: 10 })).max(5, '标签最多5个') }).strict(),
    permission: { allow: ['host', 'staff'], community: 'target', target: opinionTarget },
    summary: '给意见打标签',
  }),
  mergeOpinions: action<OpinionView>()({
    input: z.object({ id: id('意见'), duplicateIds: z.array(id('重复意见')).min(1, '请选择要合并的意见').max(20, '一次最多合并20条') }).strict(),
    permission: { allow: ['host', 'staff'], community: 'target', target: opinionTarget },
    summary: '合并重复意见（附议人保留）',
  }),

  // —— consultations ——
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
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '开始会议',
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
  // step 6
  publishReport: action<ConsultationView>()({
    input: z
      .object({
        ...withId,
        responsible: text('责任人或单位', { max: 60 }),
        milestones: z.array(z.object({ title: text('节点', { max: 60 }), due: timestamp('完成日期') }).strict()).min(1, '请至少填写1个进度节点').max(12, '进度节点最多12个'),
      })
      .strict(),
    permission: hostOrStaff,
    summary: '发布结果公示',
  }),
  addProgress: action<ProgressView>()({
    input: z.object({ ...withId, text: text('进展', { max: 500 }), photos: fileIds('照片', 9).default([]), milestoneDone: z.number().int().min(0).max(11).optional() }).strict(),
    permission: hostOrStaff,
    summary: '更新落实进展',
  }),
  listProgress: action<ProgressView[]>()({
    input: z.object(withId).strict(),
    permission: { allow: 'anyone' },
    summary: '落实进展',
  }),
  markImplemented: action<ConsultationView>()({
    input: z.object({ ...withId, ratingDays: z.number().int('天数须为整数').min(1, '评价期至少1天').max(60, '评价期最多60天').default(14) }).strict(),
    permission: hostOrStaff,
    summary: '标记已落实，开启满意度评价',
  }),
  rate: action<MySeat>()({
    input: z.object({ ...withId, level: choice('满意度', ['satisfied', 'basic', 'dissatisfied']), comment: text('意见', { min: 0, max: 200 }).optional() }).strict(),
    permission: residentOfIt,
    summary: '满意度评价（每人一次）',
  }),
  close: action<ConsultationView>()({
    input: z.object(withId).strict(),
    permission: hostOrStaff,
    summary: '结束议事',
  }),
};
