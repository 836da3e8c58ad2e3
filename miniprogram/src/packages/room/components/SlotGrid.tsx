import { Text, View } from '@tarojs/components'
import type { GridDay, GridSlot } from '@shared/contract'
import { WEEKDAY_LABELS } from '@shared/room/rules'
import { isSelected, type Selection } from '@shared/room/selection'
import { formatDate } from '../format'

/** The grid's word for a slot whose time has passed. */
const PAST = '已过'

/** What a slot says, in words, beside its time. */
function slotWords(slot: GridSlot, selected: boolean): string {
  if (selected) return '已选'
  if (slot.mine) return '我的预约'
  if (slot.state === 'free') return '空闲'
  return slot.label ?? (slot.state === 'taken' ? '已预约' : '不开放')
}

function slotTone(slot: GridSlot, selected: boolean): string {
  if (selected) return 'on'
  if (slot.mine) return 'mine'
  return slot.state
}

/**
 * One day, a row per slot: free ones are green and can be chosen (tap the start, then the end); taken ones say
 * by what (议事厅：<topic>); closed ones say why. Every row is at least a finger high.
 */
export function DayGrid({ day, selection, onTap }: { day: GridDay; selection: Selection | null; onTap: (index: number) => void }) {
  if (!day.slots.length) return <Text className="gz-muted rm-line">{day.hours ? '这一天没有可预约的时段' : `${WEEKDAY_LABELS[day.weekday]}不开放`}</Text>
  // Today's slots already gone are left out: what is still to come is what a person scrolls for.
  const gone = day.slots.findIndex((s) => !(s.state === 'closed' && s.label === PAST))
  if (gone < 0) return <Text className="gz-muted rm-line">今天的时段都已过去，请看后面的日子</Text>
  return (
    <View className="rm-slots" data-testid="day-grid">
      {gone > 0 ? <Text className="gz-muted">今天{day.slots[gone].start}以前的时段已过</Text> : null}
      {day.slots.map((slot, i) => {
        if (i < gone) return null
        const selected = isSelected(selection, i)
        return (
          <View
            key={slot.start}
            className={`rm-slot rm-slot--${slotTone(slot, selected)}`}
            role="button"
            aria-pressed={selected}
            data-testid="slot"
            data-start={slot.start}
            data-state={slot.state}
            onClick={() => onTap(i)}
          >
            <Text className="rm-slot__time">
              {slot.start}–{slot.end}
            </Text>
            <Text className="rm-slot__state">{slotWords(slot, selected)}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** Taken slots that say more than 已预约 (议事厅：<topic>), once each: the week view names them. */
function namedUses(day: GridDay): string[] {
  const labels = day.slots.filter((s) => s.state === 'taken' && s.label && s.label !== '已预约').map((s) => s.label as string)
  return Array.from(new Set(labels))
}

/** A week, a row per day: how many slots are free, a strip of the day's slots, and a tap opens that day. */
export function WeekGrid({ days, onOpen }: { days: GridDay[]; onOpen: (date: string) => void }) {
  return (
    <View className="rm-week" data-testid="week-grid">
      {days.map((day) => {
        const free = day.slots.filter((s) => s.state === 'free').length
        return (
          <View key={day.date} className="rm-week__day" role="button" data-testid="week-day" data-date={day.date} onClick={() => onOpen(day.date)}>
            <View className="rm-week__head">
              <Text>
                {WEEKDAY_LABELS[day.weekday]} {formatDate(day.date)}
              </Text>
              <Text className={free ? '' : 'gz-muted'}>{!day.hours ? '不开放' : free ? `${free}个时段空闲` : '已约满或不可约'}</Text>
            </View>
            {day.slots.length ? (
              <View className="rm-week__strip" aria-hidden>
                {day.slots.map((s) => (
                  <View key={s.start} className={`rm-week__cell rm-week__cell--${s.mine ? 'mine' : s.state}`} />
                ))}
              </View>
            ) : null}
            {namedUses(day).length ? <Text className="gz-muted">{namedUses(day).join('，')}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

/** What the colours mean. */
export function GridLegend() {
  const marks = [
    ['free', '空闲'],
    ['taken', '已约'],
    ['mine', '我的预约'],
    ['closed', '不开放'],
  ]
  return (
    <View className="rm-legend">
      {marks.map(([tone, words]) => (
        <Text key={tone}>
          <Text className={`rm-legend__mark rm-week__cell--${tone}`} />
          {words}
        </Text>
      ))}
    </View>
  )
}
