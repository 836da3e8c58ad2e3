import Taro from '@tarojs/taro'
import { createStore } from './store'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

/** The pending resolve from WeChat while our privacy prompt is on screen. */
export const privacyStore = createStore<{ pending: Resolve | null }>({ pending: null })

export const AGREE_BUTTON_ID = 'gz-agree-privacy'

/**
 * weapp only. When a privacy-relevant API or component (choosing an avatar, the nickname input, the
 * clipboard) is first used, WeChat holds it until we show the privacy guide and the person agrees.
 */
export function watchPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' })
    privacyStore.set({ pending: resolve })
  })
}

export function agreePrivacy(): void {
  privacyStore.get().pending?.({ event: 'agree', buttonId: AGREE_BUTTON_ID })
  privacyStore.set({ pending: null })
}

export function declinePrivacy(): void {
  privacyStore.get().pending?.({ event: 'disagree' })
  privacyStore.set({ pending: null })
}

export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract({})
}
