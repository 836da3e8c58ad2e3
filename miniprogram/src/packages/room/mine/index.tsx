import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BookingView, WaitView } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { ListFooter, StateView } from '../../../components/StateView'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { BookingCard } from '../components/BookingCard'
import { SuspensionNote } from '../components/SuspensionNote'
import { WaitCard } from '../components/WaitCard'
import { roomCommunity } from '../community'
import '../room.scss'

const TABS = [
  { value: 'upcoming', label: '将要进行' },
  { value: 'waits', label: '候补' },
  { value: 'past', label: '以往' },
] as const
type Tab = (typeof TABS)[number]['value']

type Item = { kind: 'booking'; booking: BookingView } | { kind: 'wait'; wait: WaitView }

/** My bookings, soonest first, with 签到 while the window is open and 取消 before the cut-off; my waitlist places; the past. */
export default function MyBookingsPage() {
  const { me, signedOut } = useMe()
  const [tab, setTab] = useState<Tab>('upcoming')
  const act = useAction()
  const list = usePagedList<Item>(
    async (cursor) => {
      if (tab === 'waits') {
        const page = await api.room.myWaits({ cursor })
        return { items: page.items.map((wait) => ({ kind: 'wait' as const, wait })), nextCursor: page.nextCursor }
      }
      const page = await api.room.myBookings({ when: tab, cursor })
      return { items: page.items.map((booking) => ({ kind: 'booking' as const, booking })), nextCursor: page.nextCursor }
    },
    tab,
    { enabled: !!me },
  )
  const communityId = me?.residency?.status === 'approved' ? roomCommunity(undefined, me) : ''
  const standing = useLoaded(() => api.room.myStanding({ communityId }), communityId || null)
  useOnReturn(() => Promise.all([list.reload(), communityId ? standing.reload() : null]))
  const replace = (next: Item) => list.setItems((items) => items.map((i) => (keyOf(i) === keyOf(next) ? next : i)))

  return (
    <Page>
      <Text className="page-title">我的预约</Text>
      {signedOut ? <SignInNeeded back={routes.myBookings} /> : null}
      <SuspensionNote standing={standing.data} />
      <View className="rm-gap">
        <Choices options={TABS} value={tab} onChange={setTab} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText={EMPTY[tab]} onRetry={list.reload} />
      {list.items.map((item) =>
        item.kind === 'booking' ? (
          <BookingCard key={keyOf(item)} booking={item.booking} act={act} onChanged={(booking) => replace({ kind: 'booking', booking })} />
        ) : (
          <WaitCard key={keyOf(item)} wait={item.wait} act={act} onChanged={(wait) => replace({ kind: 'wait', wait })} />
        ),
      )}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}

const EMPTY: Record<Tab, string> = { upcoming: '没有将要进行的预约', waits: '您没有在排队候补', past: '还没有以往的预约' }

function keyOf(item: Item): string {
  return item.kind === 'booking' ? `b:${item.booking.id}` : `w:${item.wait.id}`
}
