import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { collectingProblem } from '@shared/consultation/collection'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { ListFooter, StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { toggleSupport, useOpinionPool } from '../hooks/useOpinionPool'
import { OpinionCard } from '../components/OpinionCard'
import { BottomBar } from '../components/BottomBar'
import { HowToJoin } from '../components/HowToJoin'
import '../consultation.scss'

const SORTS = [
  { value: 'newest', label: '最新' },
  { value: 'support', label: '最多附议' },
] as const

/** The opinion pool (or one consultation's opinions): read, 附议, and add your own. */
export default function OpinionsPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const consultationId = params.consultationId || undefined
  const { me, loading: meLoading } = useMe()
  const [sort, setSort] = useState<'newest' | 'support'>('newest')
  const list = useOpinionPool(communityId, consultationId, sort)
  const consultation = useLoaded(() => api.consultation.get({ id: consultationId as string }), consultationId ?? null)
  const act = useAction()
  const shown = useRef(false)
  useDidShow(() => {
    // Back from writing an opinion or from one's comments: counts have moved.
    if (shown.current) void list.reload()
    shown.current = true
  })

  const isResident = me?.residency?.status === 'approved' && me.residency.communityId === communityId
  const c = consultation.data
  const collecting = !consultationId || (!!c && collectingProblem(c, Date.now()) === null)

  return (
    <Page>
      <Text className="page-title">{consultationId ? '本次议事的意见' : '意见池'}</Text>
      <Text className="page-intro">
        {consultationId
          ? `议事「${c?.title ?? ''}」收到的意见。`
          : '有什么想让社区商量解决的事，都可以提在这里。赞同别人的意见，就点“附议”。附议多的意见更容易被纳入议事。'}
      </Text>
      <View className="cs-gap">
        <Choices options={SORTS} value={sort} onChange={setSort} />
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.empty}
        emptyText={isResident ? '还没有意见，来提第一条吧' : '还没有意见。本社区居民可以来提第一条'}
        onRetry={list.reload}
      />
      {!isResident && !list.loading && !meLoading ? <HowToJoin me={me} communityId={communityId} back={consultationRoutes.opinions(communityId, consultationId)} /> : null}
      {list.items.map((o) => (
        <OpinionCard
          key={o.id}
          opinion={o}
          canSupport={isResident}
          busy={act.busy === `support:${o.id}`}
          onToggle={async () => {
            const next = await toggleSupport(act, o)
            if (next) list.setItems((items) => items.map((x) => (x.id === next.id ? next : x)))
          }}
        />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
      {isResident && collecting ? (
        <BottomBar>
          <Button type="primary" block size="large" data-testid="new-opinion" onClick={() => void Taro.navigateTo({ url: consultationRoutes.submitOpinion(communityId, consultationId) })}>
            我来提意见
          </Button>
        </BottomBar>
      ) : null}
    </Page>
  )
}
