import type { OpinionView } from '@shared/contract'
import { api } from '../../../services/api'
import { useLoaded } from '../../../hooks/useLoaded'

/**
 * Opinions of one consultation, or of the community's pool not yet in any consultation, most supported
 * first: what a host picks from. One page of 100 covers a collection round.
 */
export function useOpinionsOf(communityId: string, consultationId: string | null, key: string | null) {
  return useLoaded(async (): Promise<OpinionView[]> => {
    const scope = consultationId ? { consultationId } : { unlinked: true }
    const page = await api.consultation.listOpinions({ communityId, ...scope, sort: 'support', limit: 100 })
    return page.items
  }, key)
}
