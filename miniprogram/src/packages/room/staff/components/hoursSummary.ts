import type { RoomView } from '@shared/contract'
import { WEEKDAY_LABELS } from '@shared/room/rules'

/** 周一至周五 09:00–21:00 · 周六 09:00–17:00: the week's hours in few words, equal days run together. */
export function hoursSummary(room: Pick<RoomView, 'hours'>): string {
  const runs: { from: number; to: number; text: string }[] = []
  room.hours.forEach((h, i) => {
    const text = h ? `${h.open}–${h.close}` : '不开放'
    const last = runs[runs.length - 1]
    if (last && last.text === text && last.to === i - 1) last.to = i
    else runs.push({ from: i, to: i, text })
  })
  return runs
    .filter((r) => r.text !== '不开放')
    .map((r) => `${WEEKDAY_LABELS[r.from]}${r.to > r.from ? `至${WEEKDAY_LABELS[r.to]}` : ''} ${r.text}`)
    .join(' · ') || '每天都不开放'
}
