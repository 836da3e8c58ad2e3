import { useCallback } from 'react'
import type { OpinionView } from '@shared/contract'
import { api } from '../../../services/api'
import { usePagedList } from '../../../hooks/usePagedList'
import type { useAction } from '../../../hooks/useAction'

const PAGE_SIZE = 10

/** The community's opinions (or one consultation's), newest or most supported first. */
export function useOpinionPool(communityId: string, consultationId: string | undefined, sort: 'newest' | 'support') {
  const fetchPage = useCallback(
    (cursor: string | undefined) => api.consultation.listOpinions({ communityId, consultationId, sort, cursor, limit: PAGE_SIZE }),
    [communityId, consultationId, sort],
  )
  return usePagedList<OpinionView>(fetchPage, `${communityId}:${consultationId ?? ''}:${sort}`, { enabled: !!communityId })
}

/** 附议 and taking it back are one toggle; the answer is the opinion with its new count. */
export function toggleSupport(act: ReturnType<typeof useAction>, o: OpinionView): Promise<OpinionView | undefined> {
  return act.run(`support:${o.id}`, () => (o.supportedByMe ? api.consultation.withdrawSupport({ id: o.id }) : api.consultation.support({ id: o.id })), {
    success: o.supportedByMe ? '已撤回附议' : '已附议',
  })
}
