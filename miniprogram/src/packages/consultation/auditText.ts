import { DECISION_RULE_LABELS, OUTCOME_LABELS } from '@shared/consultation/decision'
import { SATISFACTION_LABELS } from '@shared/consultation/seats'
import { STATE_LABELS, stepLabel } from '@shared/consultation/steps'
import { formatDateTime } from '../../services/format'

/** Every stored code a value may hold, in the words people read. */
const WORDS: Record<string, string> = {
  ...STATE_LABELS,
  seated: '已报名',
  waitlisted: '候补',
  voted: '已投票',
  not_open: '未开始',
  open: '进行中',
  ...SATISFACTION_LABELS,
  ...OUTCOME_LABELS,
  ...DECISION_RULE_LABELS,
}

const FIELD_NAMES: Record<string, string> = {
  step: '步骤',
  state: '状态',
  status: '报名',
  seq: '序号',
  title: '标题',
  adopted: '采纳意见数',
  rule: '表决规则',
  quorum: '法定人数',
  meetingAt: '会议时间',
  openedAt: '实际开始时间',
  attendance: '到会人数',
  votes: '投票数',
  outcome: '表决结果',
  role: '身份',
  speakerRole: '发言人',
  hostName: '主持人',
  length: '字数',
  milestoneDone: '完成节点',
  linked: '纳入意见',
  supportCount: '附议数',
  merged: '合并意见',
  voteState: '表决',
}

/** Fields holding a time, shown as a Shanghai date. */
const TIME_FIELDS = new Set(['meetingAt', 'openedAt'])

function word(value: unknown): string {
  if (value === null || value === undefined) return '无'
  if (typeof value === 'string') return WORDS[value] ?? value
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return `${value.length}项`
  return String(value)
}

function field(key: string, v: unknown): string {
  if (key === 'step' && typeof v === 'number') return stepLabel(v)
  if (TIME_FIELDS.has(key) && typeof v === 'number') return `${FIELD_NAMES[key]}：${formatDateTime(v)}`
  return `${FIELD_NAMES[key]}：${word(v)}`
}

/**
 * An audit entry's before or after in words a staff member reads (第3步「制定方案」, 已延期), not JSON. Fields
 * with no Chinese name (internal ids) are left out rather than shown in English.
 */
export function describeAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value !== 'object' || Array.isArray(value)) return word(value)
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => key in FIELD_NAMES)
    .map(([key, v]) => field(key, v))
    .join('，')
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * What an audit entry changed, in one line: "报名：候补 → 报名：已报名", or only the new values when nothing
 * before them is worth showing ("表决规则：简单多数…"). Fields that are the same before and after are left out,
 * and so is a field the entry recorded only before (the change did not touch it); '' when nothing changed.
 */
export function describeAuditChange(before: unknown, after: unknown): string {
  if (isRecord(before) && isRecord(after)) {
    const changedBefore = Object.fromEntries(Object.entries(before).filter(([k, v]) => k in after && !same(v, after[k])))
    const changedAfter = Object.fromEntries(Object.entries(after).filter(([k, v]) => !(k in before) || !same(v, before[k])))
    return joined(describeAuditValue(changedBefore), describeAuditValue(changedAfter))
  }
  if (same(before, after)) return ''
  return joined(before === null || before === undefined ? '' : describeAuditValue(before), describeAuditValue(after))
}

function joined(before: string, after: string): string {
  if (!after || after === '—') return before ? `${before} → 无` : ''
  return before && before !== '—' ? `${before} → ${after}` : after
}
