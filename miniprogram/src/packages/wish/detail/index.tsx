import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { WishView } from '@shared/contract'
import { ROLE_LABELS } from '@shared/contract'
import { DAY_MS, formatShanghai, parseShanghai, shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { api } from '../../../services/api'
import { PhotoPicker, PhotoRow } from '../../../components/Photos'
import { StatusTag } from '../components/WishCard'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../wish.scss'

const ask = async (content: string, confirmText: string) => (await Taro.showModal({ title: '请确认', content, confirmText, cancelText: '再想想' })).confirm

/** One wish: what it is, its story, and what the person looking may do now (each irreversible step asks first). */
export default function WishDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const wish = useLoaded(() => api.wish.get({ id }), id || null)
  const timeline = useLoaded(() => api.wish.timeline({ id }), id || null)
  const act = useAction()
  const refresh = async () => {
    await Promise.all([wish.reload(), timeline.reload()])
  }
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  const done = (next: WishView | undefined) => {
    if (!next) return
    wish.setData(next)
    void timeline.reload()
  }

  const w = wish.data
  return (
    <Page>
      <Text className="page-title" data-testid="wish-title">
        {w ? w.title : '心愿详情'}
      </Text>
      <StateView loading={wish.loading} error={w ? null : wish.error} onRetry={() => void wish.reload()} />
      {w ? (
        <>
          <View className="gz-card">
            <View className="ws-card__meta">
              <StatusTag status={w.status} />
              <Text className="gz-tag gz-tag--gray">{w.category}</Text>
              {w.proxy ? <Text className="gz-tag gz-tag--gray">社区代办</Text> : null}
            </View>
            {w.description ? <Text className="ws-line">{w.description}</Text> : null}
            <Text className="ws-line">
              {w.maskedName} · {w.building} · 约{w.estimatedValue}元
            </Text>
            <Text className="ws-line">截止：{formatShanghai(w.deadline - 1, 'YYYY年M月D日')}</Text>
            {w.rejectReason ? <Text className="ws-line gz-text-danger">未通过的理由：{w.rejectReason}</Text> : null}
          </View>

          {w.contact ? (
            <View className="gz-card ws-contact" data-testid="wish-contact">
              <Text className="gz-section-title">联系方式（仅认领人和社区可见）</Text>
              <Text className="ws-line">称呼：{w.contact.name}</Text>
              <Text className="ws-line">电话：{w.contact.phone}</Text>
              <Text className="ws-line">地址：{w.contact.address}</Text>
            </View>
          ) : null}

          {w.claim ? (
            <View className="gz-card">
              <Text className="ws-line">
                认领人：{w.claim.claimantName}（{w.claim.claimantKind === 'org' ? '爱心单位' : '居民'}）
              </Text>
              <Text className={`ws-line${w.claim.overdue ? ' gz-text-danger' : ''}`}>
                承诺在{formatShanghai(w.claim.promisedDate, 'M月D日')}前完成{w.claim.overdue ? '（已逾期）' : ''}
              </Text>
            </View>
          ) : null}
          {w.fulfilment ? (
            <View className="gz-card">
              <Text className="gz-section-title">完成情况</Text>
              <Text className="ws-line">{w.fulfilment.note}</Text>
              <PhotoRow ids={w.fulfilment.photos} />
            </View>
          ) : null}
          {w.confirmation ? (
            <View className="gz-card">
              <Text className="gz-section-title">已确认完成</Text>
              {w.confirmation.thanks ? <Text className="ws-line">感谢的话：{w.confirmation.thanks}</Text> : null}
              {w.confirmation.note ? <Text className="ws-line">电话回访：{w.confirmation.note}</Text> : null}
            </View>
          ) : null}

          <Actions wish={w} act={act} onDone={done} />

          <View className="gz-card">
            <Text className="gz-section-title">心愿经过</Text>
            <StateView loading={timeline.loading} error={timeline.error} onRetry={() => void timeline.reload()} />
            {(timeline.data ?? []).map((e) => (
              <View key={e.id} className="ws-timeline__item">
                <Text className="ws-line">{e.label}</Text>
                <Text className="gz-muted">
                  {ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? e.actorRole} · {formatShanghai(e.at)}
                </Text>
                {e.note ? <Text className="ws-line">{e.note}</Text> : null}
              </View>
            ))}
          </View>
        </>
      ) : null}
    </Page>
  )
}

type Act = ReturnType<typeof useAction>

function Actions({ wish: w, act, onDone }: { wish: WishView; act: Act; onDone: (w: WishView | undefined) => void }) {
  const today = shanghaiDate(Date.now())
  const [promised, setPromised] = useState(shanghaiDate(Date.now() + 3 * DAY_MS))
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [thanks, setThanks] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const can = w.can
  if (!Object.values(can).some(Boolean)) return null
  const busy = (k: string) => act.busy === k

  const claim = async () => {
    if (!(await ask(`认领后请在${promised}前帮忙实现这个心愿。确定认领吗？`, '确定认领'))) return
    onDone(await act.run('claim', () => api.wish.claim({ id: w.id, promisedDate: parseShanghai(promised) }), { success: '认领成功', onFields: setErrors }))
  }
  const release = async () => {
    if (!(await ask('放弃后心愿会重新开放给其他人认领，确定放弃吗？', '确定放弃'))) return
    onDone(await act.run('release', () => api.wish.release({ id: w.id }), { success: '已放弃认领' }))
  }
  const fulfil = async () => {
    if (!(await ask('确认心愿已经帮忙实现了吗？提交后会请许愿人确认。', '确认提交'))) return
    onDone(await act.run('fulfil', () => api.wish.fulfil({ id: w.id, note, photos }), { success: '已报告完成', onFields: setErrors }))
  }
  const confirm = async () => {
    if (!(await ask('确认心愿已经实现？确认后认领人将获得爱心积分，不能撤销。', '确认完成'))) return
    onDone(await act.run('confirm', () => api.wish.confirm({ id: w.id, thanks }), { success: '已确认，谢谢！', onFields: setErrors }))
  }
  const byPhone = async () => {
    if (!(await ask('已电话回访并确认心愿完成？确认后认领人将获得爱心积分。', '确认完成'))) return
    onDone(await act.run('phone', () => api.wish.confirmByPhone({ id: w.id, note }), { success: '已确认完成', onFields: setErrors }))
  }
  const withdraw = async () => {
    if (!(await ask('撤回后心愿不再显示，确定撤回吗？', '确定撤回'))) return
    onDone(await act.run('withdraw', () => api.wish.withdraw({ id: w.id }), { success: '已撤回' }))
  }
  const review = async (approve: boolean) => {
    if (!approve && !(await ask('不通过的理由会告诉许愿人。确定不通过吗？', '不通过'))) return
    onDone(await act.run(approve ? 'approve' : 'reject', () => api.wish.review({ id: w.id, approve, reason: approve ? undefined : reason }), { success: approve ? '已通过' : '已处理', onFields: setErrors }))
  }

  return (
    <View className="gz-card ws-actions">
      {can.review ? (
        <>
          <Button type="primary" block size="large" loading={busy('approve')} data-testid="wish-approve" onClick={() => void review(true)}>
            审核通过，上心愿墙
          </Button>
          <Field label="不通过的理由" error={errors.reason} name="reason">
            <TextInput className="gz-input" value={reason} maxlength={maxLengthOf('wish', 'review', 'reason')} placeholder="例如：物业可免费处理，已转物业" onInput={(e) => setReason(e.detail.value)} />
          </Field>
          <Button block size="large" loading={busy('reject')} onClick={() => void review(false)}>
            不通过
          </Button>
        </>
      ) : null}
      {can.claim ? (
        <>
          <Field label="我承诺在这天前完成" error={errors.promisedDate} name="promisedDate">
            <Picker mode="date" value={promised} start={today} onChange={(e) => setPromised(String(e.detail.value))}>
              <View className="gz-choice" role="button" data-testid="promised-date">
                <Text>{promised}</Text>
              </View>
            </Picker>
          </Field>
          <Button type="primary" block size="large" loading={busy('claim')} data-testid="wish-claim" onClick={() => void claim()}>
            我来认领
          </Button>
        </>
      ) : null}
      {can.fulfil ? (
        <>
          <Field label="完成情况" error={errors.note} name="note">
            <TextArea className="gz-textarea" value={note} maxlength={maxLengthOf('wish', 'fulfil', 'note')} placeholder="例如：收音机已送到，教会了调台" onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <Field label="照片（可不加，最多6张）" error={errors.photos} name="photos">
            <PhotoPicker folder="wish" value={photos} max={6} onChange={setPhotos} />
          </Field>
          <Button type="primary" block size="large" loading={busy('fulfil')} data-testid="wish-fulfil" onClick={() => void fulfil()}>
            报告心愿已实现
          </Button>
        </>
      ) : null}
      {can.confirm ? (
        <>
          <Field label="说句感谢的话（可不填）" error={errors.thanks} name="thanks">
            <TextInput className="gz-input" value={thanks} maxlength={maxLengthOf('wish', 'confirm', 'thanks')} placeholder="例如：谢谢您！" onInput={(e) => setThanks(e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={busy('confirm')} data-testid="wish-confirm" onClick={() => void confirm()}>
            确认完成并致谢
          </Button>
        </>
      ) : null}
      {can.confirmByPhone ? (
        <>
          <Field label="电话回访情况（代办确认）" error={errors.note} name="phoneNote">
            <TextInput className="gz-input" value={note} maxlength={maxLengthOf('wish', 'confirmByPhone', 'note')} placeholder="例如：已电话回访，居民确认完成" onInput={(e) => setNote(e.detail.value)} />
          </Field>
          <Button block size="large" loading={busy('phone')} data-testid="wish-phone-confirm" onClick={() => void byPhone()}>
            电话确认完成
          </Button>
        </>
      ) : null}
      {can.release ? (
        <Button block size="large" loading={busy('release')} onClick={() => void release()}>
          {w.claimedByMe ? '放弃认领' : '取消此认领'}
        </Button>
      ) : null}
      {can.withdraw ? (
        <Button block size="large" loading={busy('withdraw')} onClick={() => void withdraw()}>
          撤回心愿
        </Button>
      ) : null}
    </View>
  )
}
