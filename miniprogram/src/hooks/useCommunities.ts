import { useEffect } from 'react'
import type { CommunityView } from '@shared/contract'
import { api } from '../services/api'
import { createStore } from '../services/store'
import { toApiCallError, type ApiCallError } from '../services/errors'
import { useStore } from './useStore'

interface CommunitiesState {
  list: CommunityView[]
  loading: boolean
  error: ApiCallError | null
}

const store = createStore<CommunitiesState>({ list: [], loading: false, error: null })
let inflight: Promise<void> | null = null

function load(): Promise<void> {
  if (inflight) return inflight
  store.set((s) => ({ ...s, loading: true, error: null }))
  inflight = api.user
    .listCommunities()
    .then((list) => store.set({ list, loading: false, error: null }))
    .catch((e: unknown) => store.set((s) => ({ ...s, loading: false, error: toApiCallError(e) })))
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** The street's communities; they rarely change, so one load per app start. */
export function useCommunities() {
  const state = useStore(store)
  useEffect(() => {
    if (!store.get().list.length) void load()
  }, [])
  return { ...state, reload: load }
}
