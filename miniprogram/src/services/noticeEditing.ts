import type { NoticeCategory, NoticeScope, NoticeView } from '@shared/contract'
import { formatShanghai, parseShanghai } from '@shared/time'
import { api } from './api'
import { ApiCallError } from './errors'
import type { Submission } from './requestKey'

export type PublishMode = 'draft' | 'now' | 'later'

export interface NoticeForm {
  /** Chosen when creating only (全街道 is the street admin's); a notice keeps its scope. */
  scope: NoticeScope
  category: NoticeCategory | undefined
  title: string
  body: string
  images: string[]
  pinned: boolean
  /** Empty date: never expires. */
  expireDate: string
  expireTime: string
  mode: PublishMode
  publishDate: string
  publishTime: string
}

export function emptyNoticeForm(scope: NoticeScope = 'community'): NoticeForm {
  return { scope, category: '通知', title: '', body: '', images: [], pinned: false, expireDate: '', expireTime: '', mode: 'now', publishDate: '', publishTime: '' }
}

export function formFromNotice(n: NoticeView): NoticeForm {
  const split = (ts: number | null) => (ts ? { date: formatShanghai(ts, 'YYYY-MM-DD'), time: formatShanghai(ts, 'HH:mm') } : { date: '', time: '' })
  const expire = split(n.expireAt)
  const publish = n.status === 'scheduled' ? split(n.publishAt) : { date: '', time: '' }
  const mode: PublishMode = n.status === 'scheduled' ? 'later' : n.status === 'published' ? 'now' : 'draft'
  return {
    scope: n.scope,
    category: n.category,
    title: n.title,
    body: n.body,
    images: n.images,
    pinned: n.pinned,
    expireDate: expire.date,
    expireTime: expire.time,
    mode,
    publishDate: publish.date,
    publishTime: publish.time,
  }
}

/** A picked date (and optional time) as a timestamp; the time defaults to `fallbackTime`. */
function when(date: string, time: string, fallbackTime: string, field: string, label: string): number {
  const ts = parseShanghai(`${date} ${time || fallbackTime}`)
  if (Number.isNaN(ts)) throw new ApiCallError({ code: 'VALIDATION', message: `请选择${label}`, fields: { [field]: `请选择${label}` } })
  return ts
}

/**
 * Saves the editor: a new draft or the changes, the pin, then publishing now or at the chosen time.
 * Returns the notice as it ends up, so a retry after a failed publish edits the draft instead of adding one;
 * a retry after a lost answer to the create itself sends the same `submission` and gets the same draft.
 */
export async function saveNotice(communityId: string, existing: NoticeView | null, form: NoticeForm, onCreated: (n: NoticeView) => void, submission?: Submission): Promise<NoticeView> {
  const expireAt = form.expireDate ? when(form.expireDate, form.expireTime, '23:59', 'expireAt', '截止时间') : null
  const publishAt = form.mode === 'later' ? when(form.publishDate, form.publishTime, '', 'publishAt', '发布时间') : undefined
  const content = { category: form.category as NoticeCategory, title: form.title, body: form.body, images: form.images }

  let notice: NoticeView
  if (existing) {
    notice = await api.notice.update({ id: existing.id, ...content, expireAt })
    if (notice.pinned !== form.pinned) notice = await api.notice.pin({ id: notice.id, pinned: form.pinned })
  } else {
    notice = await api.notice.create({ communityId, scope: form.scope, ...content, pinned: form.pinned, ...(expireAt !== null ? { expireAt } : {}) }, submission)
    onCreated(notice)
  }

  const live = notice.status === 'published'
  const rescheduled = form.mode === 'later' && !(notice.status === 'scheduled' && notice.publishAt === publishAt)
  if ((form.mode === 'now' && !live) || rescheduled) {
    notice = await api.notice.publish({ id: notice.id, ...(publishAt !== undefined ? { publishAt } : {}) })
  }
  return notice
}

export function unpublishNotice(id: string): Promise<NoticeView> {
  return api.notice.unpublish({ id })
}

/**
 * The notice as it stands now, drafts included, for the editor. Always fresh rather than the copy the
 * managed list holds: saving is guarded by the notice's last change, so a stale copy would only conflict.
 */
export function loadManagedNotice(id: string): Promise<NoticeView> {
  return api.notice.getManaged({ id })
}
