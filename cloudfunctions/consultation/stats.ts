import { rate } from '@shared/dashboard/rollup';
import { STATE_LABELS, STEPS, stepName } from '@shared/consultation/steps';
import { formatShanghai } from '@shared/time';
import type { ExportSpec, StatSpec } from '../core/module';
import { ratingMeasures, recorded, satisfactionRate, when } from '../core/stats';
import { pagesOf } from '../core/store/paging';
import type { ConsultationDoc, SignupDoc } from './records';

/** 居民议事厅 on the staff dashboard: consultations by the step they reached, meetings and their decisions. */
export const CONSULTATION_STATS: StatSpec = {
  title: '居民议事厅',
  measures: [
    { key: 'consultStep1', actions: ['consultation.create'] },
    // Each step moved to in the period (`advance` records the step reached).
    ...STEPS.slice(1).map(({ step }) => ({ key: `consultStep${step}`, actions: ['consultation.advance'], value: when('step', step) })),
    { key: 'consultClosed', actions: ['consultation.close'] },
    { key: 'consultMeetings', actions: ['consultation.closeVote'] },
    { key: 'consultDecided', actions: ['consultation.closeVote'], value: when('outcome', 'decided') },
    { key: 'consultAttendance', actions: ['consultation.closeVote'], value: (e) => recorded(e, 'attendance') },
    { key: 'consultQuorum', actions: ['consultation.closeVote'], value: (e) => recorded(e, 'quorum') },
    ...ratingMeasures('consult', ['consultation.rate']),
  ],
  figures: [
    ...STEPS.map(({ step, name }) => ({
      key: `step${step}`,
      label: step === 1 ? '发起议事' : `进入「${name}」`,
      format: 'count' as const,
      value: (m: { sum(k: string): number }) => m.sum(`consultStep${step}`),
      trend: step === 1 || step === 6,
    })),
    { key: 'completed', label: '完成（结束）', format: 'count', value: (m) => m.sum('consultClosed'), trend: true },
    { key: 'decided', label: '形成决定', format: 'count', value: (m) => m.sum('consultDecided') },
    { key: 'meetings', label: '会议表决', format: 'count', value: (m) => m.sum('consultMeetings') },
    { key: 'attendance', label: '平均到会/法定人数', format: 'percent', value: (m) => rate(m.sum('consultAttendance'), m.sum('consultQuorum')), note: '各次会议到会人数之和除以法定人数之和' },
    { key: 'satisfaction', label: '议事满意率', format: 'percent', value: (m) => satisfactionRate(m, 'consult'), note: '满意与基本满意占全部评价' },
  ],
};

const at = (ts: number | null | undefined) => (ts ? formatShanghai(ts) : '');

const OUTCOME_WORDS: Record<string, string> = { decided: '形成决定', no_decision: '未形成决定', no_quorum: '未达法定人数' };

function outcomeOf(c: ConsultationDoc): string {
  if (!c.result) return '';
  const chosen = c.result.winner === null ? '' : `：${c.result.choices[c.result.winner] ?? ''}`;
  return `${OUTCOME_WORDS[c.result.outcome] ?? c.result.outcome}${chosen}`;
}

const consultationsOf = (store: Parameters<ExportSpec['rows']>[0], communityId: string) =>
  pagesOf<ConsultationDoc>(store, 'consultations', { where: { communityId }, orderBy: [['createdAt', 'desc']] });

/** Every consultation with where it stands and its outcome; names only the host, whom residents see on it. */
export const CONSULTATION_EXPORT: ExportSpec = {
  key: 'consultations',
  label: '议事与结果',
  personal: false,
  columns: [
    { key: 'id', header: '编号', width: 24 },
    { key: 'createdAt', header: '发起时间', width: 18 },
    { key: 'title', header: '议题', width: 30 },
    { key: 'host', header: '主持人', width: 10 },
    { key: 'step', header: '所在步骤', width: 12 },
    { key: 'state', header: '状态', width: 8 },
    { key: 'meetingAt', header: '会议时间', width: 18 },
    { key: 'quorum', header: '法定人数', width: 10 },
    { key: 'attendance', header: '到会人数', width: 10 },
    { key: 'votes', header: '投票数', width: 8 },
    { key: 'outcome', header: '结果', width: 30 },
    { key: 'satisfaction', header: '满意度（满意/基本满意/不满意）', width: 22 },
  ],
  async *rows(store, communityId) {
    for await (const page of consultationsOf(store, communityId)) {
      yield page.map((c) => ({
        id: c._id,
        createdAt: at(c.createdAt),
        title: c.topic?.title ?? c.theme,
        host: c.hostName,
        step: `${c.step} ${stepName(c.step)}`,
        state: STATE_LABELS[c.state],
        meetingAt: at(c.plan?.meetingAt),
        quorum: c.plan?.quorum ?? '',
        attendance: c.result?.attendance ?? c.attendanceCount,
        votes: c.result?.cast ?? '',
        outcome: outcomeOf(c),
        satisfaction: `${c.ratingCounts.satisfied}/${c.ratingCounts.basic}/${c.ratingCounts.dissatisfied}`,
      }));
    }
  },
};

const SIGNUP_WORDS: Record<SignupDoc['status'], string> = { seated: '已入座', waitlisted: '候补', cancelled: '已取消' };

/** Who signed up for each consultation's open seats, in sign-up order: staff call them before the meeting. */
export const SIGNUP_EXPORT: ExportSpec = {
  key: 'signups',
  label: '议事报名',
  personal: true,
  columns: [
    { key: 'consultation', header: '议题', width: 30 },
    { key: 'seq', header: '报名序号', width: 10 },
    { key: 'name', header: '姓名', width: 12 },
    { key: 'status', header: '状态', width: 10 },
    { key: 'at', header: '报名时间', width: 18 },
  ],
  async *rows(store, communityId) {
    for await (const consultations of consultationsOf(store, communityId)) {
      for (const c of consultations) {
        for await (const page of pagesOf<SignupDoc>(store, 'signups', { where: { consultationId: c._id }, orderBy: [['seq', 'asc']] })) {
          yield page.map((s) => ({ consultation: c.topic?.title ?? c.theme, seq: s.seq, name: s.name, status: SIGNUP_WORDS[s.status], at: at(s.at) }));
        }
      }
    }
  },
};
