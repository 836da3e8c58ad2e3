import type { ResidencyQueueCount } from '@shared/contract'
import { api } from './api'
import { createStore } from './store'

/** Waiting residency applications, per community the signed-in person is staff of; null until asked. */
export const residencyQueueStore = createStore<ResidencyQueueCount[] | null>(null)

let inflight: Promise<void> | null = null

/** A failure leaves the counts as they were: they are a hint, and the queue page shows any error with 重试. */
export function refreshResidencyQueue(): Promise<void> {
  if (inflight) return inflight
  inflight = api.user
    .countResidencyApplications()
    .then((counts) => residencyQueueStore.set(counts))
    .catch(() => undefined)
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** After staff review one: the badge goes down at once, before the next count. */
export function residencyReviewed(communityId: string): void {
  residencyQueueStore.set((counts) => counts?.map((c) => (c.communityId === communityId ? { ...c, pending: Math.max(0, c.pending - 1) } : c)) ?? null)
}

export function waitingIn(counts: ResidencyQueueCount[] | null, communityId?: string): number | null {
  if (!counts) return null
  return counts.filter((c) => communityId === undefined || c.communityId === communityId).reduce((sum, c) => sum + c.pending, 0)
}
