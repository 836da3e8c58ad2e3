import { useLoaded } from '../../../hooks/useLoaded'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { api } from '../../../services/api'

/** The most the badge counts by itself; beyond it reads 100+ (the queue page has them all). */
const COUNTED = 100

/**
 * How many 活动室 bookings wait for approval in a community, for the 社区管理 badge: the queue's first page, which
 * the room function serves oldest first, counted (the contract has no count of its own).
 */
export function usePendingBookings(communityId: string | undefined) {
  const queue = useLoaded(() => api.room.approvalQueue({ communityId: communityId as string, limit: COUNTED }), communityId ?? null)
  useOnReturn(queue.reload)
  return { count: queue.data?.items.length ?? 0, more: !!queue.data?.nextCursor, reload: queue.reload }
}
