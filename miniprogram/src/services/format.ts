import { formatShanghai } from '@shared/time'
import type { NoticeStatus, ResidencyStatus } from '@shared/contract'

/** Dates as people say them: 2026年11月24日 09:30 (Shanghai time, whatever the phone's zone). */
export function formatDateTime(ts: number | null | undefined): string {
  return ts ? formatShanghai(ts, 'YYYY年M月D日 HH:mm') : ''
}

export function formatDate(ts: number | null | undefined): string {
  return ts ? formatShanghai(ts, 'YYYY年M月D日') : ''
}

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  expired: '已过期',
  unpublished: '已撤回',
}

export const RESIDENCY_STATUS_LABELS: Record<ResidencyStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
}
