import { addDays } from '../time';
import { CONSENSUS_CHOICES, type DecisionRule } from './decision';

/** The six steps, from the Dalian implementation plan (seed 002). */
export const STEPS = [
  { step: 1, key: 'collect', name: '收集意见' },
  { step: 2, key: 'topic', name: '确定议题' },
  { step: 3, key: 'plan', name: '制定方案' },
  { step: 4, key: 'notice', name: '发布公告' },
  { step: 5, key: 'meeting', name: '开展协商' },
  { step: 6, key: 'report', name: '通报情况' },
] as const;

export type Step = 1 | 2 | 3 | 4 | 5 | 6;
export type ConsultationState = 'active' | 'postponed' | 'cancelled' | 'closed';

export const STATE_LABELS: Record<ConsultationState, string> = {
  active: '进行中',
  postponed: '已延期',
  cancelled: '已取消',
  closed: '已结束',
};

export function stepName(step: number): string {
  return STEPS.find((s) => s.step === step)?.name ?? `第${step}步`;
}

export function stepLabel(step: number): string {
  return `第${step}步「${stepName(step)}」`;
}

/** Why an action that belongs to `steps` cannot be taken now (the consultation is not active, or elsewhere); null when it can. */
export function stepProblem(c: Pick<ConsultationFacts, 'step' | 'state'>, ...steps: number[]): string | null {
  if (c.state !== 'active') return `该议事${STATE_LABELS[c.state]}，当前在${stepLabel(c.step)}`;
  if (!steps.includes(c.step)) return `该操作属于${steps.map(stepLabel).join('或')}，当前在${stepLabel(c.step)}`;
  return null;
}

export const PARTICIPANT_ROLES = ['居民代表', '楼门长', '物业', '驻区单位', '专家'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface Topic {
  title: string;
  background: string;
  question: string;
  adoptedOpinionIds: string[];
  adoptionReason: string;
}

export interface Plan {
  meetingAt: number;
  place: string;
  /** The community room booked for the meeting through 活动室 (its booking is `meetingBookingId`), if any. */
  roomId?: string | null;
  /** How long the room is held, from `meetingAt`. */
  meetingMinutes?: number;
  invited: { role: ParticipantRole; count: number }[];
  openSeats: number;
  agenda: string[];
  rule: DecisionRule;
  quorum: number;
  options: string[];
}

export type TopicApproval = 'none' | 'pending' | 'approved' | 'rejected';
export type VoteState = 'not_open' | 'open' | 'closed';

/** What the step rules look at. */
export interface ConsultationFacts {
  step: Step;
  state: ConsultationState;
  theme: string;
  collectFrom: number;
  collectTo: number;
  collectionClosedAt: number | null;
  opinionCount: number;
  topic: Topic | null;
  topicApproval: TopicApproval;
  plan: Plan | null;
  noticeId: string | null;
  meetingOpenedAt: number | null;
  voteState: VoteState;
  hasResult: boolean;
  minutes: string;
  reportNoticeId: string | null;
  implementedAt: number | null;
}

/**
 * What is still missing before the current step can be left, in words the host reads on the step screen.
 * Empty means `advance` will be accepted.
 */
export function missingToLeave(c: ConsultationFacts, now: number, topicNeedsApproval: boolean): string[] {
  const missing: string[] = [];
  switch (c.step) {
    case 1:
      if (!c.theme) missing.push('填写协商主题');
      if (c.opinionCount < 1) missing.push('至少收集到1条居民意见');
      if (c.collectionClosedAt === null && now < c.collectTo) missing.push('等待意见收集期结束，或提前结束收集并说明理由');
      break;
    case 2:
      if (!c.topic) missing.push('填写议题（标题、背景、待决定的问题）');
      else {
        if (c.topic.adoptedOpinionIds.length < 1) missing.push('关联至少1条采纳的意见');
        if (!c.topic.adoptionReason) missing.push('说明采纳这些意见的理由');
      }
      if (topicNeedsApproval && c.topicApproval !== 'approved') {
        missing.push(c.topicApproval === 'pending' ? '等待社区工作者审核议题' : '提交议题给社区工作者审核');
      }
      break;
    case 3:
      missing.push(...planProblems(c.plan));
      break;
    case 4:
      if (!c.noticeId) missing.push('发布协商公告');
      break;
    case 5:
      if (!c.meetingOpenedAt) missing.push('开始会议');
      if (c.voteState !== 'closed' || !c.hasResult) missing.push('开启并结束表决');
      if (!c.minutes) missing.push('填写会议纪要');
      break;
    case 6:
      if (!c.reportNoticeId) missing.push('发布结果公示');
      if (!c.implementedAt) missing.push('标记已落实，开启满意度评价');
      break;
  }
  return missing;
}

/** Problems with a plan; empty when it is complete. */
export function planProblems(plan: Plan | null): string[] {
  if (!plan) return ['制定协商方案（时间、地点、参与人、议程、表决规则、选项）'];
  const problems: string[] = [];
  if (!plan.place) problems.push('填写会议地点');
  if (plan.agenda.length < 1) problems.push('填写会议议程');
  if (plan.quorum < 1) problems.push('设置法定人数');
  if (plan.rule === 'consensus' ? plan.options.length !== 1 : plan.options.length < 2) {
    problems.push(plan.rule === 'consensus' ? '协商一致只需1个待表决的方案' : '至少设置2个表决选项');
  }
  const seats = plan.openSeats + plan.invited.reduce((n, r) => n + r.count, 0);
  if (seats < plan.quorum) problems.push('参会名额少于法定人数');
  return problems;
}

/** Whether `from → step - 1` is allowed: never once the meeting has begun, never from step 1. */
export function sendBackProblem(c: Pick<ConsultationFacts, 'step' | 'meetingOpenedAt'>): string | null {
  if (c.step === 1) return '第1步无法退回';
  if (c.step === 6 || (c.step === 5 && c.meetingOpenedAt !== null)) return '会议已开始，不能退回';
  return null;
}

/** Days from now to the meeting must be at least the community's notice period (step 4). */
export function noticePeriodProblem(meetingAt: number, now: number, noticeDays: number): string | null {
  if (meetingAt < addDays(now, noticeDays)) return `会议时间须在公告发布至少${noticeDays}天之后`;
  return null;
}

/** The choices a participant votes between. */
export function ballotChoices(plan: Pick<Plan, 'rule' | 'options'>): string[] {
  return plan.rule === 'consensus' ? [...CONSENSUS_CHOICES] : plan.options;
}
