import type { ConsultationView } from '@shared/contract'
import { api } from '../../../services/api'
import { useLoaded } from './useLoaded'

/**
 * Topics waiting for a staff review. The list's summaries do not carry the approval state, so the
 * consultations at step 2 (few at a time in one community) are read one by one.
 */
export function usePendingTopics(communityId: string | null, key: string) {
  return useLoaded(async (): Promise<ConsultationView[]> => {
    const page = await api.consultation.list({ communityId: communityId as string, step: 2, state: 'active', limit: 50 })
    const views = await Promise.all(page.items.map((s) => api.consultation.get({ id: s.id })))
    return views.filter((v) => v.topicApproval === 'pending')
  }, communityId ? `${communityId}:${key}` : null)
}
