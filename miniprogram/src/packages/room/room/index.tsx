import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { GridDay, RoomView } from '@shared/contract'
import { dateAfter, durationWords } from '@shared/room/rules'
import { rangeOf, tapSlot, type Selection } from '@shared/room/selection'
import { shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { StateView } from '../../../components/StateView'
import { PhotoRow } from '../../../components/Photos'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { Facilities, RoomTags } from '../components/RoomCard'
import { DayGrid, GridLegend, WeekGrid } from '../components/SlotGrid'
import { SuspensionNote } from '../components/SuspensionNote'
import { residentOf } from '../community'
import { formatDate, formatRange, hoursWords } from '../format'
import '../room.scss'

const MODES = [
  { value: 'day', label: '按天看' },
  { value: 'week', label: '按周看' },
] as const

/**
 * A room: its photos, rules and hours, and when it is free, by day or by week. Tap a free slot for the start and
 * another for the end, then 预约; a taken slot says by what, and offers 排队候补.
 */
export default function RoomPage() {
  const { params } = useRouter()
  const roomId = params.id ?? ''
  const today = shanghaiDate(Date.now())
  const [date, setDate] = useState(params.date && params.date >= today ? params.date : today)
  const [mode, setMode] = useState<'day' | 'week'>('day')
  const { me } = useMe()
  const room = useLoaded(() => api.room.room({ roomId }), roomId || null)
  const r = room.data
  const grid = useLoaded(() => api.room.grid({ communityId: r?.communityId ?? '', roomId, from: date, days: mode === 'day' ? 1 : 7 }), r ? `${r.id}|${date}|${mode}` : null)
  const resident = !!r && residentOf(me, r.communityId)
  const standing = useLoaded(() => api.room.myStanding({ communityId: r?.communityId ?? '' }), resident && r ? r.communityId : null)
  const refresh = () => Promise.all([room.reload(), grid.reload(), resident ? standing.reload() : null])
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from booking or queueing: the grid has changed.
  useOnReturn(refresh)

  const days = grid.data?.rooms[0]?.days ?? []
  const step = mode === 'day' ? 1 : 7
  const go = (next: string) => setDate(next < today ? today : next)

  return (
    <Page>
      <Text className="page-title" data-testid="room-name">
        {r ? r.name : '活动室'}
      </Text>
      <StateView loading={room.loading} error={r ? null : room.error} onRetry={() => void room.reload()} />
      {r ? (
        <>
          <About room={r} />
          <SuspensionNote standing={standing.data} />
          <Choices options={MODES} value={mode} onChange={setMode} />
          <View className="rm-daynav">
            <View className={`rm-daynav__btn${date <= today ? ' rm-daynav__btn--off' : ''}`} role="button" aria-disabled={date <= today} onClick={() => date > today && go(dateAfter(date, -step))}>
              ‹ {mode === 'day' ? '前一天' : '前7天'}
            </View>
            <Text className="rm-daynav__label" data-testid="grid-date">
              {mode === 'day' ? formatDate(date) : `${formatDate(date)}起`}
            </Text>
            <View className="rm-daynav__btn" role="button" data-testid="grid-next" onClick={() => go(dateAfter(date, step))}>
              {mode === 'day' ? '后一天' : '后7天'} ›
            </View>
          </View>
          <GridLegend />
          <StateView loading={grid.loading} error={grid.error} onRetry={() => void grid.reload()} />
          {mode === 'week' && days.length ? (
            <WeekGrid
              days={days}
              onOpen={(d) => {
                setDate(d)
                setMode('day')
              }}
            />
          ) : null}
          {mode === 'day' && days[0] ? <DayPicker key={`${date}|${grid.data?.from}`} room={r} day={days[0]} canBook={resident && !standing.data?.suspension} /> : null}
        </>
      ) : null}
    </Page>
  )
}

/** The room itself: photos, tags, facilities, hours, booking lengths and its rules. */
function About({ room: r }: { room: RoomView }) {
  return (
    <View className="gz-card">
      <PhotoRow ids={r.photos} />
      <RoomTags room={r} />
      <Facilities list={r.facilities} />
      <Text className="rm-line">开放时间：{hoursWords(r.hours)}</Text>
      <Text className="rm-line">
        每{r.slotMinutes}分钟一段，每次最长{durationWords(r.maxMinutes)}，可预约{r.horizonDays}天以内
      </Text>
      {r.rules ? (
        <>
          <Text className="gz-section-title">使用须知</Text>
          <Text className="rm-line rm-rules">{r.rules}</Text>
        </>
      ) : null}
    </View>
  )
}

/** One day's slots, and what the person chose on them. */
function DayPicker({ room, day, canBook }: { room: RoomView; day: GridDay; canBook: boolean }) {
  const [chosenSlots, setSelection] = useState<Selection | null>(null)
  const [taken, setTaken] = useState<number | null>(null)
  // A reload may have taken part of what was chosen: then nothing is chosen.
  const selection = chosenSlots && day.slots.slice(chosenSlots.from, chosenSlots.to + 1).every((s) => s.state === 'free') ? chosenSlots : null
  const tap = (i: number) => {
    const slot = day.slots[i]
    if (slot.state === 'free') {
      const result = tapSlot(day.slots, selection, i, room.slotMinutes, room.maxMinutes)
      setSelection(result.selection)
      setTaken(null)
      if (result.note) void Taro.showToast({ title: result.note, icon: 'none', duration: 2500 })
      return
    }
    if (slot.mine && slot.bookingId) {
      void Taro.navigateTo({ url: routes.roomBooking(slot.bookingId) })
      return
    }
    setSelection(null)
    if (slot.state === 'taken') setTaken(i)
    else void Taro.showToast({ title: `这个时段不能预约：${slot.label ?? '不开放'}`, icon: 'none' })
  }
  const chosen = selection ? rangeOf(day.slots, selection) : null
  const takenSlot = taken === null ? null : day.slots[taken]
  return (
    <>
      <DayGrid day={day} selection={selection} onTap={tap} />
      {chosen ? (
        <View className="rm-choice" data-testid="chosen">
          <Text className="rm-line">已选：{formatRange({ date: day.date, ...chosen })}</Text>
          {selection && selection.from === selection.to ? <Text className="gz-muted">要约更长，再点结束的那一段</Text> : null}
          {canBook ? (
            <Button type="primary" block size="large" data-testid="book-chosen" onClick={() => void Taro.navigateTo({ url: routes.roomBook(room.id, day.date, chosen.start, chosen.end) })}>
              预约这个时段
            </Button>
          ) : (
            <Text className="gz-muted">认证为本社区居民、且没有被暂停预约时，可以预约。</Text>
          )}
        </View>
      ) : null}
      {takenSlot ? (
        <View className="rm-choice" data-testid="taken">
          <Text className="rm-line">
            {takenSlot.start}–{takenSlot.end}：{takenSlot.label ?? '已预约'}
          </Text>
          {canBook ? (
            <>
              <Text className="gz-muted">排队候补：时段空出来时，按排队先后为您保留，并发消息通知您。</Text>
              <Button block size="large" data-testid="wait-taken" onClick={() => void Taro.navigateTo({ url: routes.roomBook(room.id, day.date, takenSlot.start, takenSlot.end, true) })}>
                排队候补这个时段
              </Button>
            </>
          ) : null}
        </View>
      ) : null}
    </>
  )
}
