import Taro from '@tarojs/taro'
import { createStore } from './store'

/** 'on' / 'off' chosen on the 我的 page; absent means follow WeChat's own font size. */
export const LARGE_TEXT_KEY = 'gz.largeText'
type Choice = 'on' | 'off' | 'auto'

/** WeChat's care mode and larger font settings report a factor above 1 (about 1.4 at the largest sizes). */
const SYSTEM_LARGE_FACTOR = 1.15

export interface DisplayState {
  largeText: boolean
  choice: Choice
  systemScale: number
}

/** Guarded: H5 and older base libraries have no getAppBaseInfo or no fontSizeScaleFactor. */
export function systemFontScale(): number {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: unknown }) : null
    const factor = info?.fontSizeScaleFactor
    return typeof factor === 'number' && factor > 0 ? factor : 1
  } catch {
    return 1
  }
}

function readChoice(): Choice {
  try {
    const v = Taro.getStorageSync(LARGE_TEXT_KEY)
    return v === 'on' || v === 'off' ? v : 'auto'
  } catch {
    return 'auto'
  }
}

function compute(choice: Choice, systemScale: number): DisplayState {
  const largeText = choice === 'on' || (choice === 'auto' && systemScale >= SYSTEM_LARGE_FACTOR)
  return { largeText, choice, systemScale }
}

export const displayStore = createStore<DisplayState>(compute(readChoice(), systemFontScale()))

export function setLargeText(on: boolean): void {
  const choice: Choice = on ? 'on' : 'off'
  Taro.setStorageSync(LARGE_TEXT_KEY, choice)
  displayStore.set(compute(choice, systemFontScale()))
}

/** Back to following WeChat's setting. */
export function followSystemTextSize(): void {
  Taro.removeStorageSync(LARGE_TEXT_KEY)
  displayStore.set(compute('auto', systemFontScale()))
}
