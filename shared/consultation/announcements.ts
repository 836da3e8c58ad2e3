import { formatShanghai } from '../time';
import { DECISION_RULE_LABELS, OUTCOME_LABELS, type Decision, type DecisionRule } from './decision';
import type { Plan, Topic } from './steps';

/**
 * The button each consultation notice carries to the consultation (the notice's `source.label`): the 协商公告 asks
 * residents to sign up, the 结果公示 shows the result, a postponement or cancellation shows where it stands.
 */
export const NOTICE_BUTTONS = { announced: '报名参加', report: '查看结果', changed: '查看详情' } as const;

/** What a consultation's notice points at, with the button's words. */
export function consultationSource(consultationId: string, button: keyof typeof NOTICE_BUTTONS) {
  return { module: 'consultation', id: consultationId, label: NOTICE_BUTTONS[button] };
}

/** The 协商公告's title; the app previews the notice with the same words before publishing. */
export function consultationNoticeTitle(topic: Pick<Topic, 'title'>): string {
  return `【议事公告】${topic.title}`;
}

/** The 结果公示's title. */
export function consultationReportTitle(topic: Pick<Topic, 'title'> | null, theme: string): string {
  return `【协商结果】${topic?.title ?? theme}`;
}

/** The 协商公告 a consultation publishes at step 4. */
export function consultationNoticeText(topic: Topic, plan: Plan, overrideReason: string | null): string {
  const invited = plan.invited.map((r) => `${r.role}${r.count}人`).join('、');
  return [
    `【议题】${topic.title}`,
    `【背景】${topic.background}`,
    `【需要决定的问题】${topic.question}`,
    `【时间】${formatShanghai(plan.meetingAt)}`,
    `【地点】${plan.place}`,
    `【参会人员】${invited ? `${invited}；` : ''}居民名额${plan.openSeats}个，先到先得，满额后可候补`,
    `【议程】${plan.agenda.map((a, i) => `${i + 1}. ${a}`).join(' ')}`,
    `【表决规则】${DECISION_RULE_LABELS[plan.rule]}，到会不少于${plan.quorum}人方可表决`,
    ...(overrideReason ? [`【提前公告说明】${overrideReason}`] : []),
    `欢迎居民报名参加：点本公告下方的“${NOTICE_BUTTONS.announced}”。`,
  ].join('\n');
}

export interface ReportFacts {
  topic: Topic | null;
  theme: string;
  rule: DecisionRule;
  result: Decision & { counts: number[]; choices: string[]; attendance: number; quorum: number };
  minutes: string;
  responsible: string;
  milestones: { title: string; due: number }[];
}

/** The 结果公示 a consultation publishes at step 6. */
export function consultationReportText(r: ReportFacts): string {
  const decided = r.result.winner === null ? '' : `：${r.result.choices[r.result.winner]}`;
  return [
    `【议题】${r.topic?.title ?? r.theme}`,
    `【协商结果】${OUTCOME_LABELS[r.result.outcome]}${decided}（${r.result.explanation}）`,
    `【表决情况】${r.result.choices.map((c, i) => `${c} ${r.result.counts[i] ?? 0}票`).join('，')}`,
    `【到会情况】到会${r.result.attendance}人，法定人数${r.result.quorum}人`,
    `【会议纪要】${r.minutes}`,
    `【责任人】${r.responsible}`,
    `【落实节点】${r.milestones.map((m) => `${formatShanghai(m.due, 'YYYY-MM-DD')} ${m.title}`).join('；')}`,
    '落实进展将持续在小程序中更新，完成后欢迎参与满意度评价。',
  ].join('\n');
}
