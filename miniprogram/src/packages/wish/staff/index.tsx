import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OrgView, WishView } from '@shared/contract'
import { WISH_STATUS_LABELS, type WishStatus } from '@shared/wish/rules'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { ListFooter, StateView } from '../../../components/StateView'
import { useAction } from '../../../hooks/useAction'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { WishCard } from '../components/WishCard'
import '../wish.scss'

type Tab = WishStatus | 'orgs'

const TABS: { value: Tab; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'claimed', label: '已认领' },
  { value: 'fulfilled', label: '待确认' },
  { value: 'published', label: WISH_STATUS_LABELS.published },
  { value: 'confirmed', label: WISH_STATUS_LABELS.confirmed },
  { value: 'expired', label: WISH_STATUS_LABELS.expired },
  { value: 'rejected', label: WISH_STATUS_LABELS.rejected },
  { value: 'withdrawn', label: WISH_STATUS_LABELS.withdrawn },
  { value: 'orgs', label: '爱心单位' },
]

/** Staff's desk: the review queue, every wish by state (overdue claims marked), 代办, and the 爱心单位. */
export default function WishStaffPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const [tab, setTab] = useState<Tab>('submitted')
  const orgs = tab === 'orgs'
  const wishes = usePagedList<WishView>((cursor) => api.wish.manage({ communityId, status: tab as WishStatus, cursor }), `${communityId}|${tab}`, { enabled: !orgs })
  const units = usePagedList<OrgView>((cursor) => api.wish.listOrgs({ communityId, cursor }), `${communityId}|orgs`, { enabled: orgs })
  const act = useAction()
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void (orgs ? units.reload() : wishes.reload())
    shown.current = true
  })

  const decide = async (o: OrgView, grant: boolean) => {
    const { confirm } = await Taro.showModal({ title: '请确认', content: grant ? `认定「${o.orgName}」为爱心单位？认定后可以认领心愿。` : `撤销「${o.orgName}」的爱心单位身份？`, confirmText: grant ? '认定' : '撤销', cancelText: '再想想' })
    if (!confirm) return
    const next = await act.run(`org:${o.userId}`, () => (grant ? api.wish.grantOrg({ communityId, userId: o.userId }) : api.wish.revokeOrg({ communityId, userId: o.userId })), { success: grant ? '已认定' : '已撤销' })
    if (next) units.setItems((items) => items.map((x) => (x.userId === next.userId ? next : x)))
  }

  const list = orgs ? units : wishes
  return (
    <Page>
      <Text className="page-title">心愿管理</Text>
      <View className="ws-links">
        <View className="ws-link" role="button" data-testid="proxy-new" onClick={() => void Taro.navigateTo({ url: routes.wishNew(communityId, true) })}>
          代办登记心愿
        </View>
      </View>
      <View className="ws-gap">
        <Choices options={TABS} value={tab} onChange={setTab} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="这里没有内容" onRetry={list.reload} />
      {orgs
        ? units.items.map((o) => (
            <View key={o.userId} className="gz-card">
              <Text className="ws-card__title">{o.orgName}</Text>
              <Text className="ws-line">
                {o.contactPhone} · {o.status === 'pending' ? '待认定' : o.status === 'granted' ? '已认定' : '已撤销'}
              </Text>
              {o.status === 'granted' ? (
                <Button block size="large" loading={act.busy === `org:${o.userId}`} onClick={() => void decide(o, false)}>
                  撤销爱心单位
                </Button>
              ) : (
                <Button type="primary" block size="large" loading={act.busy === `org:${o.userId}`} onClick={() => void decide(o, true)}>
                  认定为爱心单位
                </Button>
              )}
            </View>
          ))
        : wishes.items.map((w) => <WishCard key={w.id} wish={w} />)}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
