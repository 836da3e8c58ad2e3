import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoomView } from '@shared/contract'
import { dateAfter, durationWords, hhmm, minutesOf, slotStarts } from '@shared/room/rules'
import { shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { TextInput } from '../../../components/TextInput'
import { useForm } from '../../../hooks/useForm'
import { useLoaded } from '../../../hooks/useLoaded'
import { api } from '../../../services/api'
import { ApiCallError } from '../../../services/errors'
import { maxLengthOf } from '../../../services/limits'
import { routes } from '../../../services/routes'
import { RoomTags } from '../components/RoomCard'
import { formatRange } from '../format'
import '../room.scss'

/**
 * The booking form: day, start and end (on the room's slots), what for and how many come. A refusal shows at its
 * field; a taken range offers 排队候补 with the same details. With `wait=1` (from a taken slot on the grid) the form
 * queues at once.
 */
export default function BookPage() {
  const { params } = useRouter()
  const roomId = params.roomId ?? ''
  const room = useLoaded(() => api.room.room({ roomId }), roomId || null)
  const r = room.data
  return (
    <Page>
      <Text className="page-title">{params.wait === '1' ? '排队候补' : '预约活动室'}</Text>
      <StateView loading={room.loading} error={r ? null : room.error} onRetry={() => void room.reload()} />
      {r ? <BookForm room={r} initial={{ date: decoded(params.date), start: decoded(params.start), end: decoded(params.end) }} waitOnly={params.wait === '1'} /> : null}
    </Page>
  )
}

/** A page's query values arrive as they were written in its address: `09%3A30`. */
function decoded(value: string | undefined): string | undefined {
  return value === undefined ? undefined : decodeURIComponent(value)
}

/** Ends a range may have from `start`: each slot boundary after it, up to the longest booking and the closing time. */
function endsAfter(starts: string[], start: string, slotMinutes: number, maxMinutes: number): string[] {
  const from = minutesOf(start)
  return starts
    .map((s) => minutesOf(s) + slotMinutes)
    .filter((m) => m > from && m - from <= maxMinutes)
    .map(hhmm)
}

function BookForm({ room: r, initial, waitOnly }: { room: RoomView; initial: { date?: string; start?: string; end?: string }; waitOnly: boolean }) {
  const today = shanghaiDate(Date.now())
  const form = useForm({ date: initial.date ?? today, start: initial.start ?? '', end: initial.end ?? '', purpose: '', attendees: '' })
  const [taken, setTaken] = useState(waitOnly)
  const [done, setDone] = useState(false)
  const v = form.values
  const starts = slotStarts(r.hours, v.date, r.slotMinutes)
  const ends = v.start ? endsAfter(starts, v.start, r.slotMinutes, r.maxMinutes) : []
  const input = () => ({ roomId: r.id, date: v.date, start: v.start, end: v.end, purpose: v.purpose, attendees: v.attendees === '' ? Number.NaN : Number(v.attendees) })

  const finish = (message: string, url: string) => {
    setDone(true)
    void Taro.showToast({ title: message, icon: 'none' })
    setTimeout(() => void Taro.redirectTo({ url }), 800)
  }
  const book = () =>
    form.submit(async (_values, submission) => {
      try {
        const booking = await api.room.book(input(), submission)
        finish(booking.status === 'pending' ? '已提交，等待社区审核' : '预约成功', routes.roomBooking(booking.id))
      } catch (e) {
        // The grid may have been a moment old: the same details can queue instead.
        if (e instanceof ApiCallError && e.code === 'SLOT_TAKEN') {
          setTaken(true)
          throw new ApiCallError({ code: e.code, message: e.message, fields: e.fields ?? { start: e.message } })
        }
        throw e
      }
    })
  const wait = () =>
    form.submit(async (_values, submission) => {
      const entry = await api.room.joinWaitlist(input(), submission)
      finish(`已排队，您是第${entry.position ?? entry.seq}位`, routes.myBookings)
    })
  const change = (field: 'date' | 'start' | 'end', value: string) => {
    form.set(field, value)
    setTaken(waitOnly)
  }
  const setStart = (start: string) => {
    change('start', start)
    // Keep the length chosen when it still fits; else the shortest.
    const fits = endsAfter(starts, start, r.slotMinutes, r.maxMinutes)
    if (!fits.includes(v.end)) form.set('end', fits[0] ?? '')
  }

  return (
    <View className="gz-card">
      <Text className="rm-card__title">{r.name}</Text>
      <RoomTags room={r} />
      {waitOnly ? <Text className="rm-line">这个时段已被预约。排队候补后，时段空出来时按排队先后为您保留，并发消息通知您；保留期间请确认。</Text> : null}
      <Field label="日期" error={form.errors.date} name="date">
        <Picker mode="date" value={v.date} start={today} end={dateAfter(today, r.horizonDays)} onChange={(e) => change('date', String(e.detail.value))}>
          <View className="gz-choice" role="button" data-testid="book-date">
            <Text>{v.date}</Text>
          </View>
        </Picker>
      </Field>
      <Field label="开始时间" error={form.errors.start} name="start" hint={starts.length ? undefined : '这一天不开放，请换一天'}>
        <Picker mode="selector" range={starts} value={Math.max(0, starts.indexOf(v.start))} onChange={(e) => setStart(starts[Number(e.detail.value)])}>
          <View className="gz-choice" role="button" data-testid="book-start">
            {v.start ? <Text>{v.start}</Text> : <Text className="gz-muted">选择开始时间</Text>}
          </View>
        </Picker>
      </Field>
      <Field label="结束时间" error={form.errors.end} name="end" hint={`每次最长${durationWords(r.maxMinutes)}`}>
        <Picker mode="selector" range={ends} value={Math.max(0, ends.indexOf(v.end))} onChange={(e) => change('end', ends[Number(e.detail.value)])}>
          <View className="gz-choice" role="button" data-testid="book-end">
            {v.end ? <Text>{v.end}</Text> : <Text className="gz-muted">选择结束时间</Text>}
          </View>
        </Picker>
      </Field>
      <Field label="用途" error={form.errors.purpose} hint="例如：合唱队排练、读书会" name="purpose">
        <TextInput className="gz-input" value={v.purpose} maxlength={maxLengthOf('room', 'book', 'purpose')} onInput={(e) => form.set('purpose', e.detail.value)} />
      </Field>
      <Field label="参加人数" error={form.errors.attendees} hint={`这间最多容纳${r.capacity}人`} name="attendees">
        <TextInput className="gz-input" type="number" value={v.attendees} placeholder="例如：12" onInput={(e) => form.set('attendees', e.detail.value)} />
      </Field>
      {v.start && v.end ? <Text className="rm-line">{formatRange(v)}</Text> : null}
      <View className="rm-actions">
        {waitOnly ? null : (
          <Button type="primary" block size="large" loading={form.submitting && !taken} disabled={done} data-testid="book-submit" onClick={() => void book()}>
            {r.needsApproval ? '提交预约（需社区审核）' : '确认预约'}
          </Button>
        )}
        {taken ? (
          <Button type={waitOnly ? 'primary' : 'default'} block size="large" loading={form.submitting && taken} disabled={done} data-testid="book-wait" onClick={() => void wait()}>
            排队候补这个时段
          </Button>
        ) : null}
      </View>
    </View>
  )
}
