import { Text, View } from '@tarojs/components'
import type { SeriesView } from '@shared/contract'
import { WEEKDAY_LABELS } from '@shared/room/rules'

/** 每周三 19:00–21:00 / 隔周六 09:00–11:00. */
export function seriesRhythm(s: Pick<SeriesView, 'every' | 'weekday' | 'start' | 'end'>): string {
  return `${s.every === 2 ? '隔' : '每'}${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}`
}

/** A series' heading lines: what, where, when, who runs it, and how far it is confirmed. */
export function SeriesSummary({ series: s }: { series: SeriesView }) {
  return (
    <>
      <View className="gz-row">
        {s.status === 'ended' ? <Text className="gz-tag gz-tag--gray">已结束</Text> : <Text className="gz-tag gz-tag--primary">进行中</Text>}
        {s.status === 'active' && s.needsConfirming ? <Text className="gz-tag gz-tag--orange">待续期</Text> : null}
      </View>
      <Text className="rs-title">{s.title}</Text>
      <Text className="rs-line">
        {s.roomName} · {seriesRhythm(s)}
      </Text>
      <Text className="rs-line">
        组织者：{s.organizer} · {s.attendees}人
      </Text>
      <Text className="rs-line gz-muted">
        从{s.firstDate}开始{s.lastDate ? `，到${s.lastDate}结束` : ''}；已确认到{s.confirmedUntil}
      </Text>
    </>
  )
}
