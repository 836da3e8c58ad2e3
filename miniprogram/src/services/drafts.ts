import Taro from '@tarojs/taro'
import { createStore } from './store'

/**
 * Long texts not yet sent (an opinion, the minutes, a report) kept on the phone until they are, so a closed app,
 * a reload or a dropped call does not lose them. One storage entry per draft key; nothing leaves the phone.
 */
const PREFIX = 'gz.draft.'

export const DRAFT_RESTORED = '已恢复未发送的草稿'

export function readDraft<T>(key: string): T | undefined {
  try {
    const raw = Taro.getStorageSync(PREFIX + key) as unknown
    if (!raw || typeof raw !== 'object') return undefined
    return (raw as { value: T }).value
  } catch {
    return undefined
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(PREFIX + key, { value, at: Date.now() })
  } catch {
    // storage full or unavailable: the form still works, only the safety copy is missing
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // nothing to clear
  }
}

/** Whether a value holds any text worth keeping. */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.some(hasText)
  if (value && typeof value === 'object') return Object.values(value).some(hasText)
  return false
}

/** Pages (by their key) showing the "draft restored" note; `Page` draws it as a banner. */
export const restoredDraftPages = createStore<readonly string[]>([])

export function markDraftRestored(page: string): void {
  restoredDraftPages.set((pages) => (pages.includes(page) ? pages : [...pages, page]))
}

export function dismissDraftNote(page: string): void {
  restoredDraftPages.set((pages) => (pages.includes(page) ? pages.filter((p) => p !== page) : pages))
}
