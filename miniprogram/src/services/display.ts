import Taro from '@tarojs/taro'
import { createStore } from './store'

/**
 * 长辈版 (适老化): the text size, chosen under 我的 or on the home page, else following WeChat's own font size.
 * Stored as 'off' / 'on' / 'xlarge' under the key the former on/off 大字模式 used, so a saved choice still holds.
 */
export const LARGE_TEXT_KEY = 'gz.largeText'

export type TextSize = 'standard' | 'large' | 'xlarge'
type Choice = TextSize | 'auto'

/**
 * The steps: body text 18 px, about 24 px (WeChat's care mode) and 30 px (MIIT's largest step must reach 30 px).
 * Their scales are in `styles/_scale.scss`.
 */
export const TEXT_SIZES: readonly { value: TextSize; label: string }[] = [
  { value: 'standard', label: '标准' },
  { value: 'large', label: '大字' },
  { value: 'xlarge', label: '特大字' },
]

/** WeChat's care mode and larger font settings report a factor above 1 (about 1.4 in care mode). */
const SYSTEM_LARGE_FACTOR = 1.15
const SYSTEM_XLARGE_FACTOR = 1.5

const STORED: Record<string, TextSize> = { off: 'standard', on: 'large', xlarge: 'xlarge' }
const TO_STORE: Record<TextSize, string> = { standard: 'off', large: 'on', xlarge: 'xlarge' }

export interface DisplayState {
  textSize: TextSize
  /** Any 长辈版 step: what pages that only ask "larger or not" read. */
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
    return STORED[Taro.getStorageSync(LARGE_TEXT_KEY) as string] ?? 'auto'
  } catch {
    return 'auto'
  }
}

function sizeFollowing(systemScale: number): TextSize {
  if (systemScale >= SYSTEM_XLARGE_FACTOR) return 'xlarge'
  return systemScale >= SYSTEM_LARGE_FACTOR ? 'large' : 'standard'
}

function compute(choice: Choice, systemScale: number): DisplayState {
  const textSize = choice === 'auto' ? sizeFollowing(systemScale) : choice
  return { textSize, largeText: textSize !== 'standard', choice, systemScale }
}

/** The classes a root element takes for a size: `.gz-large` for every 长辈版 step, `.gz-xlarge` besides for the largest. */
export function textSizeClass(size: TextSize): string {
  if (size === 'xlarge') return ' gz-large gz-xlarge'
  return size === 'large' ? ' gz-large' : ''
}

export const displayStore = createStore<DisplayState>(compute(readChoice(), systemFontScale()))

export function setTextSize(size: TextSize): void {
  Taro.setStorageSync(LARGE_TEXT_KEY, TO_STORE[size])
  displayStore.set(compute(size, systemFontScale()))
}

/** On / off, as the former 大字模式 switch: on is the first 长辈版 step. */
export function setLargeText(on: boolean): void {
  setTextSize(on ? 'large' : 'standard')
}

/** Back to following WeChat's setting. */
export function followSystemTextSize(): void {
  Taro.removeStorageSync(LARGE_TEXT_KEY)
  displayStore.set(compute('auto', systemFontScale()))
}
