import { displayStore, followSystemTextSize, setLargeText, setTextSize } from '../services/display'
import { useStore } from './useStore'

/** The 长辈版 text size: `textSize` (标准 / 大字 / 特大字), and `largeText` for any step above 标准. */
export function useLargeText() {
  const state = useStore(displayStore)
  return { ...state, setLargeText, setTextSize, followSystemTextSize }
}
