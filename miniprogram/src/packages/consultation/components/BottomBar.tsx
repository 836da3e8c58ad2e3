import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'

/**
 * The page's main action, pinned where a thumb rests. The spacer keeps the last content clear of it;
 * both grow with large text because their sizes are in the scaled unit.
 */
export function BottomBar({ children }: PropsWithChildren) {
  return (
    <>
      <View className="cs-bar-spacer" />
      <View className="cs-bar">{children}</View>
    </>
  )
}
