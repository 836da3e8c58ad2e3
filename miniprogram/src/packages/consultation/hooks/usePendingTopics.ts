import type { ConsultationView } from '@shared/contract'
import { api } from '../../../services/api'
import { useLoaded } from '../../../hooks/useLoaded'

/** Topics waiting for a staff review, read in full because the reviewer needs the topic's text. */
export function usePendingTopics(communityId: string | null, key: string) {
  return useLoaded(async (): Promise<ConsultationView[]> => {
    const page = await api.consultation.list({ communityId: communityId as string, topicPending: true, limit: 50 })
    return Promise.all(page.items.map((s) => api.consultation.get({ id: s.id })))
  }, communityId ? `${communityId}:${key}` : null)
}
