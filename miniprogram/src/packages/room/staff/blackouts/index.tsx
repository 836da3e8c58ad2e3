import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BLACKOUT_KINDS, type BlackoutKind } from '@shared/room/rules'
import type { BlackoutView, BookingView } from '@shared/contract'
import { DAY_MS, formatShanghai, parseShanghai, shanghaiDate } from '@shared/time'
import { Page } from '../../../../components/Page'
import { Field } from '../../../../components/Field'
import { Choices } from '../../../../components/Choices'
import { DateTimeField, type DateTimeValue } from '../../../../components/DateTimeField'
import { StateView } from '../../../../components/StateView'
import { TextInput } from '../../../../components/TextInput'
import { useAction } from '../../../../hooks/useAction'
import { useForm } from '../../../../hooks/useForm'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { maxLengthOf } from '../../../../services/limits'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import { BookingCard } from '../components/BookingCard'
import '../staff.scss'

const ALL_ROOMS = 'all'
const at = (v: DateTimeValue) => parseShanghai(`${v.date} ${v.time}`)
const span = (b: Pick<BlackoutView, 'from' | 'to'>) => `${formatShanghai(b.from, 'M月D日 HH:mm')} 至 ${formatShanghai(b.to, 'M月D日 HH:mm')}`

/**
 * Times a room, or every room, is shut: 装修, 节假日, the community's own events. Bookings already made in the new
 * period are not cancelled by it: they are listed right after, for staff to cancel one by one with a reason.
 */
export default function BlackoutsPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const rooms = useLoaded(() => api.room.rooms({ communityId, includeOutOfUse: true }), communityId || null)
  const list = useLoaded(() => api.room.blackouts({ communityId }), communityId || null)
  const tomorrow = shanghaiDate(Date.now() + DAY_MS)
  const form = useForm({ room: params.roomId ?? ALL_ROOMS, kind: '节假日' as BlackoutKind, reason: '', from: { date: tomorrow, time: '00:00' }, to: { date: tomorrow, time: '23:59' } })
  const [clashes, setClashes] = useState<BookingView[]>([])
  const act = useAction()
  const v = form.values
  usePullDownRefresh(() => void Promise.all([rooms.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh()))

  const add = () =>
    form.submit(async (values, submission) => {
      const added = await api.room.addBlackout(
        { communityId, roomId: values.room === ALL_ROOMS ? null : values.room, kind: values.kind, reason: values.reason, from: at(values.from), to: at(values.to) },
        submission,
      )
      setClashes(added.clashes)
      form.setValues({ ...values, reason: '' })
      void Taro.showToast({ title: '已设置', icon: 'success' })
      void list.reload()
    })

  const remove = async (b: BlackoutView) => {
    const sure = await confirmIrreversible({ title: '取消这个停用时段？', content: `${b.roomName ?? '全部活动室'} ${span(b)}（${b.kind}）将恢复可以预约。`, confirmText: '取消停用' })
    if (!sure) return
    if (await act.run(`remove:${b.id}`, () => api.room.removeBlackout({ id: b.id }), { success: '已取消停用' })) void list.reload()
  }

  const roomOptions = [{ value: ALL_ROOMS, label: '全部活动室' }, ...(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name }))]
  return (
    <Page>
      <Text className="page-title">停用时段</Text>
      <Text className="page-intro">停用期间居民不能预约。已经约好的不会自动取消，设置后会列出来，请逐个联系、取消。</Text>

      <Text className="gz-section-title">现有的停用时段</Text>
      <StateView loading={list.loading} error={list.error} empty={list.data?.length === 0} emptyText="现在没有停用时段" onRetry={() => void list.reload()} />
      <View data-testid="blackouts">
        {(list.data ?? []).map((b) => (
          <View key={b.id} className="gz-card" data-testid="blackout">
            <View className="gz-row">
              <Text className="gz-tag gz-tag--orange">{b.kind}</Text>
              <Text className="rs-title">{b.roomName ?? '全部活动室'}</Text>
            </View>
            <Text className="rs-line">{span(b)}</Text>
            <Text className="rs-line gz-muted">{b.reason}</Text>
            <Button block size="large" loading={act.busy === `remove:${b.id}`} onClick={() => void remove(b)}>
              取消停用
            </Button>
          </View>
        ))}
      </View>

      <Text className="gz-section-title">设置停用时段</Text>
      <View className="gz-card" data-testid="blackout-form">
        <Field label="哪个活动室" name="roomId" error={form.errors.roomId}>
          <Choices options={roomOptions} value={v.room} onChange={(r) => form.set('room', r)} />
        </Field>
        <Field label="原因类型" name="kind" error={form.errors.kind}>
          <Choices options={BLACKOUT_KINDS.map((k) => ({ value: k, label: k }))} value={v.kind} onChange={(k) => form.set('kind', k)} />
        </Field>
        <Field label="开始" name="from" error={form.errors.from}>
          <DateTimeField value={v.from} start={shanghaiDate(Date.now())} onChange={(d) => form.set('from', d)} />
        </Field>
        <Field label="结束" name="to" error={form.errors.to}>
          <DateTimeField value={v.to} start={v.from.date} onChange={(d) => form.set('to', d)} />
        </Field>
        <Field label="说明" name="reason" error={form.errors.reason} hint="居民预约时会看到，例如：国庆节放假">
          <TextInput className="gz-input" value={v.reason} maxlength={maxLengthOf('room', 'addBlackout', 'reason')} onInput={(e) => form.set('reason', e.detail.value)} />
        </Field>
        <Button type="primary" block size="large" loading={form.submitting} data-testid="blackout-add" onClick={() => void add()}>
          设置停用
        </Button>
      </View>

      {clashes.length ? (
        <View data-testid="clashes">
          <Text className="gz-section-title">停用期间已有的预约（{clashes.length}个）</Text>
          <Text className="page-intro">请联系预约人，在“每日安排”里逐个取消并写明原因。</Text>
          {clashes.map((b) => (
            <BookingCard key={b.id} booking={b}>
              <Button block size="large" onClick={() => void Taro.navigateTo({ url: roomStaffRoutes.day(communityId, b.date) })}>
                去这一天的安排
              </Button>
            </BookingCard>
          ))}
        </View>
      ) : null}
    </Page>
  )
}
