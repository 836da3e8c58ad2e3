import { OUTCOME_LABELS } from '@shared/consultation/decision'
import { SATISFACTION_LABELS } from '@shared/consultation/seats'
import { STATE_LABELS, stepLabel } from '@shared/consultation/steps'
import { formatDateTime } from '../../services/format'

const WORDS: Record<string, string> = {
  ...STATE_LABELS,
  seated: '已报名',
  waitlisted: '候补',
  voted: '已投票',
  ...SATISFACTION_LABELS,
  ...OUTCOME_LABELS,
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
  attendance: '到会人数',
  votes: '投票数',
  outcome: '表决结果',
  role: '身份',
  speakerRole: '发言人',
  hostName: '主持人',
  length: '字数',
  milestoneDone: '完成节点',
  linked: '纳入意见',
}

function word(value: unknown): string {
  if (typeof value === 'string') return WORDS[value] ?? value
  if (Array.isArray(value)) return `${value.length}项`
  return String(value)
}

/** An audit entry's before/after in words a staff member reads (第3步「制定方案」, 已延期), not JSON. */
export function describeAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value !== 'object' || Array.isArray(value)) return word(value)
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => {
      if (key === 'step' && typeof v === 'number') return stepLabel(v)
      if (key === 'meetingAt' && typeof v === 'number') return `会议时间：${formatDateTime(v)}`
      return `${FIELD_NAMES[key] ?? key}：${v === null ? '无' : word(v)}`
    })
    .join('，')
}
