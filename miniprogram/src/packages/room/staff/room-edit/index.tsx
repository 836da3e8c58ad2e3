import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROOM_KINDS, SLOT_SIZES, type RoomKind, type WeekHours } from '@shared/room/rules'
import type { RoomView } from '@shared/contract'
import { Page } from '../../../../components/Page'
import { Field } from '../../../../components/Field'
import { Choices } from '../../../../components/Choices'
import { PhotoPicker } from '../../../../components/Photos'
import { StateView } from '../../../../components/StateView'
import { TextArea, TextInput } from '../../../../components/TextInput'
import { useForm } from '../../../../hooks/useForm'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { ApiCallError, toApiCallError } from '../../../../services/errors'
import { maxLengthOf } from '../../../../services/limits'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import { WeekHoursEditor, dayProblem } from '../components/WeekHoursEditor'
import '../staff.scss'

const WORKDAY = { open: '09:00', close: '21:00' }
const EMPTY = {
  name: '',
  kind: '活动室' as RoomKind,
  capacity: '',
  facilities: '',
  photos: [] as string[],
  hours: [WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, { open: '09:00', close: '17:00' }, null] as WeekHours,
  slotMinutes: '30',
  maxMinutes: '120',
  horizonDays: '14',
  needsApproval: 'no',
  rules: '',
  inUse: 'yes',
}
type Values = typeof EMPTY

const YES_NO = [
  { value: 'yes', label: '需要审核' },
  { value: 'no', label: '不需要，约了就生效' },
]
const IN_USE = [
  { value: 'yes', label: '正常开放' },
  { value: 'no', label: '暂停使用（居民看不到）' },
]

function valuesOf(room: RoomView): Values {
  return {
    name: room.name,
    kind: room.kind,
    capacity: String(room.capacity),
    facilities: room.facilities.join('、'),
    photos: room.photos,
    hours: room.hours,
    slotMinutes: String(room.slotMinutes),
    maxMinutes: String(room.maxMinutes),
    horizonDays: String(room.horizonDays),
    needsApproval: room.needsApproval ? 'yes' : 'no',
    rules: room.rules,
    inUse: room.inUse ? 'yes' : 'no',
  }
}

/** Typed numbers: an empty box is sent as NaN so the contract's own message asks for it. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** The server names nested fields (`hours.2.close`, `facilities.0`): each shows under its whole section. */
function bySection(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields)) {
    const top = key.split('.')[0]
    out[top] ??= message
  }
  return out
}

/** Create a room, or change one: what it is, its photos, its hours per weekday, how it is booked, its rules. */
export default function RoomEditPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const roomId = params.roomId
  const existing = useLoaded(() => api.room.room({ roomId: roomId as string }), roomId ?? null)
  const form = useForm<Values>(EMPTY)
  const [saved, setSaved] = useState(false)
  const v = form.values

  useEffect(() => {
    if (existing.data) form.setValues(valuesOf(existing.data))
    // Only a fresh load replaces what is on the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [existing.data])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: roomId ? '修改活动室' : '新建活动室' })
  }, [roomId])
  usePullDownRefresh(() => void (roomId ? existing.reload() : Promise.resolve()).finally(() => Taro.stopPullDownRefresh()))

  const save = () =>
    form.submit(async (values, submission) => {
      const badDay = values.hours.map(dayProblem).find(Boolean)
      if (badDay) return form.setErrors({ hours: badDay })
      const fields = {
        name: values.name,
        kind: values.kind,
        capacity: numberOf(values.capacity),
        facilities: values.facilities.split(/[、，,;；\s]+/).map((f) => f.trim()).filter(Boolean),
        photos: values.photos,
        hours: values.hours,
        slotMinutes: Number(values.slotMinutes) as (typeof SLOT_SIZES)[number],
        maxMinutes: numberOf(values.maxMinutes),
        horizonDays: numberOf(values.horizonDays),
        needsApproval: values.needsApproval === 'yes',
        rules: values.rules,
      }
      try {
        if (roomId) await api.room.updateRoom({ roomId, ...fields, inUse: values.inUse === 'yes' })
        else await api.room.createRoom({ communityId, ...fields }, submission)
      } catch (e) {
        // Nested paths (a weekday's closing time) land under their section.
        const error = toApiCallError(e)
        throw error.fields ? new ApiCallError({ code: error.code, message: error.message, fields: bySection(error.fields), requestId: error.requestId }) : error
      }
      setSaved(true)
      void Taro.showToast({ title: roomId ? '已保存' : '已新建', icon: 'success' })
      setTimeout(() => void Taro.redirectTo({ url: roomStaffRoutes.rooms(communityId) }), 800)
    })

  if (roomId && !existing.data) {
    return (
      <Page>
        <Text className="page-title">修改活动室</Text>
        <StateView loading={existing.loading} error={existing.error} onRetry={() => void existing.reload()} />
      </Page>
    )
  }

  return (
    <Page>
      <Text className="page-title">{roomId ? '修改活动室' : '新建活动室'}</Text>
      <View className="gz-card">
        <Field label="名称" name="name" error={form.errors.name} hint="例如：二楼活动室">
          <TextInput className="gz-input" value={v.name} maxlength={maxLengthOf('room', 'createRoom', 'name')} onInput={(e) => form.set('name', e.detail.value)} />
        </Field>
        <Field label="类型" name="kind" error={form.errors.kind}>
          <Choices options={ROOM_KINDS.map((k) => ({ value: k, label: k }))} value={v.kind} onChange={(k) => form.set('kind', k)} />
        </Field>
        <Field label="容纳人数" name="capacity" error={form.errors.capacity}>
          <TextInput className="gz-input" type="number" value={v.capacity} placeholder="例如：30" onInput={(e) => form.set('capacity', e.detail.value)} />
        </Field>
        <Field label="设施（可不填）" name="facilities" error={form.errors.facilities} hint="用顿号隔开，例如：投影仪、音响、空调">
          <TextInput className="gz-input" value={v.facilities} onInput={(e) => form.set('facilities', e.detail.value)} />
        </Field>
        <Field label="照片（可不填）" name="photos" error={form.errors.photos}>
          <PhotoPicker value={v.photos} max={6} folder="room" onChange={(ids) => form.set('photos', ids)} />
        </Field>
      </View>

      <Text className="gz-section-title">开放时间</Text>
      <View className="gz-card">
        <Field label="每周开放时间" name="hours" error={form.errors.hours} hint="点“开放”切换这一天开不开放，点时间修改">
          <WeekHoursEditor value={v.hours} onChange={(h) => form.set('hours', h)} />
        </Field>
      </View>

      <Text className="gz-section-title">预约规则</Text>
      <View className="gz-card">
        <Field label="每段时长" name="slotMinutes" error={form.errors.slotMinutes} hint="居民按这个长度一段一段地选时间">
          <Choices options={SLOT_SIZES.map((m) => ({ value: String(m), label: `${m}分钟` }))} value={v.slotMinutes} onChange={(m) => form.set('slotMinutes', m)} />
        </Field>
        <Field label="每次最长（分钟）" name="maxMinutes" error={form.errors.maxMinutes} hint="须是每段时长的整数倍，例如120就是2小时">
          <TextInput className="gz-input" type="number" value={v.maxMinutes} onInput={(e) => form.set('maxMinutes', e.detail.value)} />
        </Field>
        <Field label="可提前几天预约" name="horizonDays" error={form.errors.horizonDays}>
          <TextInput className="gz-input" type="number" value={v.horizonDays} onInput={(e) => form.set('horizonDays', e.detail.value)} />
        </Field>
        <Field label="预约是否需要审核" name="needsApproval" error={form.errors.needsApproval}>
          <Choices layout="rows" options={YES_NO} value={v.needsApproval} onChange={(a) => form.set('needsApproval', a)} />
        </Field>
        {roomId ? (
          <Field label="使用状态" name="inUse" error={form.errors.inUse}>
            <Choices layout="rows" options={IN_USE} value={v.inUse} onChange={(u) => form.set('inUse', u)} />
          </Field>
        ) : null}
        <Field label="使用须知（可不填）" name="rules" error={form.errors.rules}>
          <TextArea className="gz-textarea" value={v.rules} maxlength={maxLengthOf('room', 'createRoom', 'rules')} placeholder="例如：用后请关灯关空调、恢复桌椅" onInput={(e) => form.set('rules', e.detail.value)} />
        </Field>
        <Button type="primary" block size="large" loading={form.submitting} disabled={saved} data-testid="room-save" onClick={() => void save()}>
          {roomId ? '保存' : '新建活动室'}
        </Button>
      </View>
    </Page>
  )
}
