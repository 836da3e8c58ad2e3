import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView } from '@shared/contract'
import { WEEKDAY_LABELS, weekdayOf } from '@shared/room/rules'
import { rangeOf, tapSlot, type Selection } from '@shared/room/selection'
import { shanghaiDate } from '@shared/time'
import { Page } from '../../../../components/Page'
import { Field } from '../../../../components/Field'
import { Choices } from '../../../../components/Choices'
import { MemberFinder } from '../../../../components/MemberFinder'
import { StateView } from '../../../../components/StateView'
import { TextInput } from '../../../../components/TextInput'
import { useForm } from '../../../../hooks/useForm'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { maxLengthOf } from '../../../../services/limits'
import { memberAddress, memberName } from '../../../../services/memberText'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import { DayGrid } from '../../components/SlotGrid'
import '../../room.scss'
import '../staff.scss'

/**
 * 代办: staff book a room for a resident who cannot use a phone. They find the resident by building and unit, then
 * pick a room, a day and free slots; the booking counts under the resident's name and takes effect at once.
 */
export default function ProxyBookPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const [resident, setResident] = useState<MemberView | null>(null)
  const rooms = useLoaded(() => api.room.rooms({ communityId }), communityId || null)
  const form = useForm({ roomId: '', date: shanghaiDate(Date.now()), purpose: '', attendees: '' })
  const v = form.values
  const grid = useLoaded(() => api.room.grid({ communityId, roomId: v.roomId, from: v.date, days: 1 }), resident && v.roomId ? `${v.roomId}|${v.date}` : null)
  const [booked, setBooked] = useState(false)
  const room = grid.data?.rooms[0]
  const slots = room?.days[0]?.slots ?? []
  const [selection, setSelection] = useState<Selection | null>(null)
  const chosen = selection && slots.length ? rangeOf(slots, selection) : null

  const tap = (i: number) => {
    if (!room) return
    const result = tapSlot(slots, selection, i, room.slotMinutes, room.maxMinutes)
    setSelection(result.selection)
    if (result.note) void Taro.showToast({ title: result.note, icon: 'none', duration: 2500 })
  }

  const book = () =>
    form.submit(async (values, submission) => {
      if (!resident) return
      if (!chosen) return form.setErrors({ start: '请在上面点选开始和结束的时段' })
      await api.room.proxyBook(
        {
          residentId: resident.userId,
          roomId: values.roomId,
          date: values.date,
          start: chosen.start,
          end: chosen.end,
          purpose: values.purpose,
          attendees: values.attendees.trim() === '' ? Number.NaN : Number(values.attendees),
        },
        submission,
      )
      setBooked(true)
      void Taro.showToast({ title: `已为${resident.name || resident.nickname}预约`, icon: 'none' })
      setTimeout(() => void Taro.redirectTo({ url: roomStaffRoutes.day(communityId, values.date) }), 800)
    })

  if (!resident) {
    return (
      <Page>
        <Text className="page-title">代办预约</Text>
        <Text className="page-intro">为不会用手机的居民预约。先按楼栋找到这位居民；预约算在居民名下，不用审核。</Text>
        <MemberFinder
          communityId={communityId}
          renderMember={(m) => (
            <View key={m.userId} className="gz-card" data-testid="member" data-user-id={m.userId}>
              <Text className="rs-title">{memberName(m)}</Text>
              <Text className="rs-line">{memberAddress(m)}</Text>
              <Button type="primary" block size="large" data-testid="choose-resident" onClick={() => setResident(m)}>
                为TA预约
              </Button>
            </View>
          )}
        />
      </Page>
    )
  }

  return (
    <Page>
      <Text className="page-title">代办预约</Text>
      <View className="gz-card" data-testid="chosen-resident">
        <Text className="rs-line gz-muted">为这位居民预约</Text>
        <Text className="rs-title">{memberName(resident)}</Text>
        <Text className="rs-line">{memberAddress(resident)}</Text>
        <Button block size="large" disabled={booked} onClick={() => setResident(null)}>
          换一位居民
        </Button>
      </View>
      <StateView loading={rooms.loading} error={rooms.error} empty={rooms.data?.length === 0} emptyText="还没有可用的活动室" onRetry={() => void rooms.reload()} />
      {rooms.data?.length ? (
        <View className="gz-card">
          <Field label="活动室" name="roomId" error={form.errors.roomId}>
            <Choices options={rooms.data.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}人）` }))} value={v.roomId} onChange={(r) => {
                form.set('roomId', r)
                setSelection(null)
              }} />
          </Field>
          <Field label="日期" name="date" error={form.errors.date}>
            <Picker mode="date" value={v.date} start={shanghaiDate(Date.now())} onChange={(e) => {
                form.set('date', String(e.detail.value))
                setSelection(null)
              }}>
              <View className="gz-choice" role="button" data-testid="proxy-date">
                {v.date} {WEEKDAY_LABELS[weekdayOf(v.date)]}
              </View>
            </Picker>
          </Field>
          {v.roomId ? (
            <Field label="时间" name="start" error={form.errors.start ?? form.errors.end} hint="先点开始的时段，再点结束的时段">
              <StateView loading={grid.loading} error={grid.error} onRetry={() => void grid.reload()} />
              {room?.days[0] ? <DayGrid day={room.days[0]} selection={selection} onTap={tap} /> : null}
              {chosen ? (
                <Text className="rs-line" data-testid="proxy-chosen">
                  已选：{chosen.start}–{chosen.end}
                </Text>
              ) : null}
            </Field>
          ) : null}
          <Field label="用途" name="purpose" error={form.errors.purpose} hint="例如：老年合唱队排练">
            <TextInput className="gz-input" value={v.purpose} maxlength={maxLengthOf('room', 'proxyBook', 'purpose')} onInput={(e) => form.set('purpose', e.detail.value)} />
          </Field>
          <Field label="人数" name="attendees" error={form.errors.attendees}>
            <TextInput className="gz-input" type="number" value={v.attendees} placeholder="例如：10" onInput={(e) => form.set('attendees', e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={form.submitting} disabled={booked} data-testid="proxy-book" onClick={() => void book()}>
            代办预约
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
