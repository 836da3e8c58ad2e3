import type { MeView } from '@shared/contract'
import { api } from './api'
import { isSignedIn, onSessionChange } from './session'
import { createStore } from './store'
import { toApiCallError, type ApiCallError } from './errors'

export interface MeState {
  me: MeView | null
  loading: boolean
  error: ApiCallError | null
  /** H5 before sign-in: there is nobody to ask about. */
  signedOut: boolean
}

export const meStore = createStore<MeState>({ me: null, loading: false, error: null, signedOut: !isSignedIn() })

let inflight: Promise<MeView | null> | null = null

/** Loads (or reloads) the signed-in person; concurrent callers share one request. */
export function loadMe(): Promise<MeView | null> {
  if (!isSignedIn()) {
    meStore.set({ me: null, loading: false, error: null, signedOut: true })
    return Promise.resolve(null)
  }
  if (inflight) return inflight
  meStore.set((s) => ({ ...s, loading: true, error: null, signedOut: false }))
  inflight = api.user
    .me()
    .then((me) => {
      meStore.set({ me, loading: false, error: null, signedOut: false })
      return me
    })
    .catch((error: unknown) => {
      meStore.set((s) => ({ ...s, loading: false, error: toApiCallError(error), signedOut: !isSignedIn() }))
      return null
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** After an action that returns the new MeView (updateProfile, applyResidency). */
export function setMe(me: MeView | null): void {
  meStore.set({ me, loading: false, error: null, signedOut: !isSignedIn() })
}

onSessionChange(() => {
  meStore.set({ me: null, loading: false, error: null, signedOut: !isSignedIn() })
})
