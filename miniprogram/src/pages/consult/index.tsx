import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { STEPS, type Step } from '@shared/consultation/steps'
import { Page } from '../../components/Page'
import { Choices } from '../../components/Choices'
import { ListFooter, StateView } from '../../components/StateView'
import { ConsultationCard } from '../../components/ConsultationCard'
import { useMe } from '../../hooks/useMe'
import { useCommunities } from '../../hooks/useCommunities'
import { useConsultationList } from '../../hooks/useConsultationList'
import { hasRoleIn } from '../../services/roles'
import { consultationRoutes } from '../../services/consultationRoutes'
import './index.scss'

const STEP_FILTERS = [
  { value: 'all', label: '全部' },
  ...STEPS.map((s) => ({ value: String(s.step), label: s.name })),
  { value: 'closed', label: '已结束' },
] as const

const ALL = 'all'

function Entry({ title, hint, url, testId }: { title: string; hint: string; url: string; testId: string }) {
  return (
    <View className="consult-entry" role="button" data-testid={testId} onClick={() => void Taro.navigateTo({ url })}>
      <Text className="consult-entry__title">{title}</Text>
      <Text className="consult-entry__hint">{hint}</Text>
    </View>
  )
}

/** The 议事 tab: the consultations of my community first, by step, and the ways in for hosts and staff. */
export default function ConsultPage() {
  const { me } = useMe()
  const communities = useCommunities()
  const home = me?.residency?.status === 'approved' ? me.residency.communityId : me?.roles[0]?.communityId
  const ordered = [...communities.list].sort((a, b) => Number(b.id === home) - Number(a.id === home))
  const [picked, setPicked] = useState<string | undefined>()
  // The server lists a resident's own community when none is named; anyone else may look street-wide.
  const resident = me?.residency?.status === 'approved'
  const chosen = picked ?? home ?? ALL
  const communityId = chosen === ALL ? undefined : chosen
  const [filter, setFilter] = useState<string>('all')
  const list = useConsultationList({
    communityId,
    step: /^\d$/.test(filter) ? (Number(filter) as Step) : undefined,
    state: filter === 'closed' ? 'closed' : undefined,
  })
  const shown = useRef(false)
  useDidShow(() => {
    // Back from a consultation or a new one: what changed there shows here.
    if (shown.current) void list.reload()
    shown.current = true
  })

  const isHost = hasRoleIn(me, 'host')
  const isStaffHere = !!communityId && hasRoleIn(me, 'staff', communityId)
  const canStart = !!communityId && (hasRoleIn(me, 'host', communityId) || isStaffHere)

  return (
    <Page>
      <Text className="page-title">居民议事厅</Text>
      <Text className="page-intro">社区的事大家商量：收集意见、确定议题、制定方案、发布公告、开展协商、通报情况。</Text>

      {communityId ? (
        <View className="consult-entries">
          <Entry title="意见池" hint="提意见、附议" url={consultationRoutes.opinions(communityId)} testId="entry-opinions" />
          {canStart ? <Entry title="发起议事" hint="从收集意见开始" url={consultationRoutes.create(communityId)} testId="entry-create" /> : null}
          {isHost || isStaffHere ? <Entry title="我主持的议事" hint="一步一步办" url={consultationRoutes.hosted} testId="entry-hosted" /> : null}
          {isStaffHere ? <Entry title="议事管理" hint="审核议题、指派主持人" url={consultationRoutes.staff(communityId)} testId="entry-staff" /> : null}
        </View>
      ) : null}

      {ordered.length > 1 ? (
        <View className="consult-filter">
          <Choices
            options={[
              ...ordered.map((c) => ({ value: c.id, label: c.id === home ? `${c.name}（本社区）` : c.name })),
              ...(resident ? [] : [{ value: ALL, label: '全部社区' }]),
            ]}
            value={chosen}
            onChange={setPicked}
          />
        </View>
      ) : null}
      <View className="consult-filter">
        <Choices options={STEP_FILTERS} value={filter} onChange={setFilter} />
      </View>

      <View className="consult-list">
        <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="这里还没有议事" onRetry={list.reload} />
        {list.items.map((c) => (
          <ConsultationCard key={c.id} item={c} />
        ))}
        <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
      </View>
    </Page>
  )
}
