import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { MeView } from '@shared/contract'

const KEY = 'gz.browseCommunity'

/**
 * Whose notices the home feed shows. A verified resident always sees their own community (the server picks
 * it); anyone else may choose one to browse, remembered on this phone, or see only the street's.
 */
export function useFeedCommunity(me: MeView | null) {
  const resident = me?.residency?.status === 'approved'
  const [chosen, setChosen] = useState<string>(() => {
    const stored = Taro.getStorageSync(KEY)
    return typeof stored === 'string' ? stored : ''
  })
  const choose = (id: string) => {
    setChosen(id)
    Taro.setStorageSync(KEY, id)
  }
  return { resident, communityId: resident ? undefined : chosen || undefined, chosen, choose }
}
