import { useCallback } from 'react'
import type { ConsultationSummary } from '@shared/contract'
import type { ConsultationState, Step } from '@shared/consultation/steps'
import { api } from '../services/api'
import { usePagedList } from './usePagedList'

const PAGE_SIZE = 10

export interface ConsultationFilter {
  communityId?: string
  step?: Step
  state?: ConsultationState
  hostedByMe?: boolean
}

/** Consultations, newest activity first, filtered by community, step, state or "hosted by me". */
export function useConsultationList(filter: ConsultationFilter, enabled = true) {
  const { communityId, step, state, hostedByMe } = filter
  const fetchPage = useCallback(
    (cursor: string | undefined) => api.consultation.list({ communityId, step, state, hostedByMe, cursor, limit: PAGE_SIZE }),
    [communityId, step, state, hostedByMe],
  )
  return usePagedList<ConsultationSummary>(fetchPage, `${communityId ?? ''}:${step ?? ''}:${state ?? ''}:${hostedByMe ? 1 : 0}`, { enabled })
}
