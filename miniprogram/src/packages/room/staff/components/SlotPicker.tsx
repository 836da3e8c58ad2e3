import { Text, View } from '@tarojs/components'
import type { GridSlot } from '@shared/contract'
import { durationWords, minutesOf } from '@shared/room/rules'
import { Choices } from '../../../../components/Choices'

/** Where a booking may end when it starts at slot `from`: each end of the unbroken free run, up to the longest booking. */
export function endsFrom(slots: readonly GridSlot[], from: number, slotMinutes: number, maxMinutes: number): string[] {
  const ends: string[] = []
  for (let j = from; j < slots.length && slots[j].state === 'free' && (j - from + 1) * slotMinutes <= maxMinutes; j++) ends.push(slots[j].end)
  return ends
}

interface Props {
  slots: readonly GridSlot[]
  slotMinutes: number
  maxMinutes: number
  start: string
  end: string
  onChange: (range: { start: string; end: string }) => void
}

/** A day's free slots as big chips: tap where it starts, then where it ends; taken and closed slots say why. */
export function SlotPicker({ slots, slotMinutes, maxMinutes, start, end, onChange }: Props) {
  const from = slots.findIndex((s) => s.start === start && s.state === 'free')
  const ends = from >= 0 ? endsFrom(slots, from, slotMinutes, maxMinutes) : []
  const busy = slots.filter((s) => s.state !== 'free')
  if (!slots.some((s) => s.state === 'free')) return <Text className="gz-muted rs-line">这一天没有空闲的时段</Text>
  return (
    <View data-testid="slot-picker">
      <Text className="rs-line">从几点开始</Text>
      <Choices
        options={slots.filter((s) => s.state === 'free').map((s) => ({ value: s.start, label: s.start }))}
        value={from >= 0 ? start : undefined}
        onChange={(s) => onChange({ start: s, end: endsFrom(slots, slots.findIndex((x) => x.start === s), slotMinutes, maxMinutes)[0] ?? '' })}
      />
      {ends.length ? (
        <>
          <Text className="rs-line">到几点结束</Text>
          <Choices options={ends.map((e) => ({ value: e, label: `${e}（${durationWords(minutesOf(e) - minutesOf(start))}）` }))} value={ends.includes(end) ? end : undefined} onChange={(e) => onChange({ start, end: e })} />
        </>
      ) : null}
      {busy.length ? (
        <Text className="rs-line gz-muted">
          不能约的时段：{busy.map((s) => `${s.start}${s.label ? `（${s.label}）` : ''}`).join('、')}
        </Text>
      ) : null}
    </View>
  )
}
