import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { WEEKDAY_LABELS, firstOnWeekday } from '@shared/room/rules'
import { shanghaiDate } from '@shared/time'
import { Page } from '../../../../components/Page'
import { Field } from '../../../../components/Field'
import { Choices } from '../../../../components/Choices'
import { StateView } from '../../../../components/StateView'
import { TextInput } from '../../../../components/TextInput'
import { useForm } from '../../../../hooks/useForm'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { maxLengthOf } from '../../../../services/limits'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import '../staff.scss'

const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => ({ value: String(i), label }))
const EVERY = [
  { value: '1', label: '每周' },
  { value: '2', label: '隔周' },
]

/** A date through the phone's wheel; empty reads as 不设结束日期. */
function DatePick({ value, start, onChange, testId }: { value: string; start: string; onChange: (d: string) => void; testId: string }) {
  return (
    <Picker mode="date" value={value || start} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="gz-choice" role="button" data-testid={testId}>
        {value || '不设结束日期（按季度续期）'}
      </View>
    </Picker>
  )
}

/**
 * A new weekly or fortnightly series for a class or group: each occurrence this quarter becomes a real booking,
 * and any that collide are listed on the next page rather than skipped in silence.
 */
export default function NewSeriesPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const rooms = useLoaded(() => api.room.rooms({ communityId }), communityId || null)
  const today = shanghaiDate(Date.now())
  const form = useForm({ roomId: '', title: '', organizer: '', weekday: '2', start: '19:00', end: '21:00', every: '1', firstDate: '', lastDate: '', attendees: '' })
  const [made, setMade] = useState(false)
  const v = form.values
  const firstDate = v.firstDate || firstOnWeekday(today, Number(v.weekday))

  const create = () =>
    form.submit(async (values, submission) => {
      const series = await api.room.createSeries(
        {
          roomId: values.roomId,
          title: values.title,
          organizer: values.organizer,
          weekday: Number(values.weekday),
          start: values.start,
          end: values.end,
          every: values.every === '2' ? 2 : 1,
          firstDate,
          ...(values.lastDate ? { lastDate: values.lastDate } : {}),
          attendees: values.attendees.trim() === '' ? Number.NaN : Number(values.attendees),
        },
        submission,
      )
      setMade(true)
      const collided = series.occurrences.filter((o) => o.collision).length
      void Taro.showToast({ title: collided ? `已新建，${collided}场冲突` : '已新建', icon: 'none' })
      setTimeout(() => void Taro.redirectTo({ url: roomStaffRoutes.series(series.id) }), 800)
    })

  return (
    <Page>
      <Text className="page-title">新建固定预约</Text>
      <StateView loading={rooms.loading} error={rooms.error} empty={rooms.data?.length === 0} emptyText="还没有可用的活动室" onRetry={() => void rooms.reload()} />
      {rooms.data?.length ? (
        <View className="gz-card">
          <Field label="活动室" name="roomId" error={form.errors.roomId}>
            <Choices options={rooms.data.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}人）` }))} value={v.roomId} onChange={(r) => form.set('roomId', r)} />
          </Field>
          <Field label="活动名称" name="title" error={form.errors.title} hint="例如：太极拳班">
            <TextInput className="gz-input" value={v.title} maxlength={maxLengthOf('room', 'createSeries', 'title')} onInput={(e) => form.set('title', e.detail.value)} />
          </Field>
          <Field label="组织者" name="organizer" error={form.errors.organizer} hint="哪个班、哪支队伍，或负责人">
            <TextInput className="gz-input" value={v.organizer} maxlength={maxLengthOf('room', 'createSeries', 'organizer')} onInput={(e) => form.set('organizer', e.detail.value)} />
          </Field>
          <Field label="星期几" name="weekday" error={form.errors.weekday}>
            <Choices options={WEEKDAYS} value={v.weekday} onChange={(d) => {
                form.set('weekday', d)
                // The first date was picked for the old weekday.
                form.set('firstDate', '')
              }}
            />
          </Field>
          <Field label="多久一次" name="every" error={form.errors.every}>
            <Choices options={EVERY} value={v.every} onChange={(e) => form.set('every', e)} />
          </Field>
          <Field label="时间" name="start" error={form.errors.start ?? form.errors.end}>
            <View className="rs-hours__times">
              <Picker mode="time" value={v.start} onChange={(e) => form.set('start', String(e.detail.value))}>
                <View className="gz-choice" role="button" aria-label="开始时间">
                  {v.start}
                </View>
              </Picker>
              <Text className="rs-hours__to">至</Text>
              <Picker mode="time" value={v.end} onChange={(e) => form.set('end', String(e.detail.value))}>
                <View className="gz-choice" role="button" aria-label="结束时间">
                  {v.end}
                </View>
              </Picker>
            </View>
          </Field>
          <Field label="第一次" name="firstDate" error={form.errors.firstDate} hint={`${WEEKDAY_LABELS[Number(v.weekday)]}，本季度的每一场都会约好`}>
            <DatePick value={firstDate} start={today} onChange={(d) => form.set('firstDate', d)} testId="series-first" />
          </Field>
          <Field label="最后一次（可不填）" name="lastDate" error={form.errors.lastDate}>
            <DatePick value={v.lastDate} start={firstDate} onChange={(d) => form.set('lastDate', d)} testId="series-last" />
          </Field>
          <Field label="人数" name="attendees" error={form.errors.attendees}>
            <TextInput className="gz-input" type="number" value={v.attendees} placeholder="例如：20" onInput={(e) => form.set('attendees', e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={form.submitting} disabled={made} data-testid="series-create" onClick={() => void create()}>
            新建并约好本季度
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
