import { formatShanghai, parseShanghai } from '@shared/time'
import { WEEKDAY_LABELS, weekdayOf } from '@shared/room/rules'

/** 6月1日 from `2026-06-01`. */
export function formatDate(date: string): string {
  return formatShanghai(parseShanghai(date), 'M月D日')
}

/** 6月1日 周一 09:00–11:00: a booking's time as people say it. */
export function formatRange(r: { date: string; start: string; end: string }): string {
  return `${formatDate(r.date)} ${WEEKDAY_LABELS[weekdayOf(r.date)]} ${r.start}–${r.end}`
}

/** 周一至周五 08:00–21:00；周六、周日 09:00–17:00 (days with the same hours run together; shut days left out). */
export function hoursWords(hours: ({ open: string; close: string } | null)[]): string {
  const groups: { from: number; to: number; text: string }[] = []
  hours.forEach((h, i) => {
    if (!h) return
    const text = `${h.open}–${h.close}`
    const last = groups[groups.length - 1]
    if (last && last.to === i - 1 && last.text === text) last.to = i
    else groups.push({ from: i, to: i, text })
  })
  if (!groups.length) return '暂不开放'
  const days = (g: { from: number; to: number }) =>
    g.from === g.to ? WEEKDAY_LABELS[g.from] : g.to === g.from + 1 ? `${WEEKDAY_LABELS[g.from]}、${WEEKDAY_LABELS[g.to]}` : `${WEEKDAY_LABELS[g.from]}至${WEEKDAY_LABELS[g.to]}`
  return groups.map((g) => `${days(g)} ${g.text}`).join('；')
}
