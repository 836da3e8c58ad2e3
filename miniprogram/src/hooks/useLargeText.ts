import { displayStore, followSystemTextSize, setLargeText } from '../services/display'
import { useStore } from './useStore'

export function useLargeText() {
  const state = useStore(displayStore)
  return { ...state, setLargeText, followSystemTextSize }
}
