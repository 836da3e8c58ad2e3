import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { IS_TOURIST_PREVIEW, TOURIST_PREVIEW_MESSAGE } from '../services/cloud'
import { useLargeText } from '../hooks/useLargeText'
import { PrivacyPrompt } from './PrivacyPrompt'

/**
 * Every page's root. Large-text mode is a class here that raises one CSS variable (`--gz-scale`); all
 * sizes in our styles and NutUI's font variables are multiplied by it.
 */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { largeText } = useLargeText()
  return (
    <View className={`gz-page${largeText ? ' gz-large' : ''}${className ? ` ${className}` : ''}`}>
      {IS_TOURIST_PREVIEW ? (
        <View className="gz-preview-banner">
          <Text>{TOURIST_PREVIEW_MESSAGE}</Text>
        </View>
      ) : null}
      {children}
      <PrivacyPrompt />
    </View>
  )
}

export function PageTitle({ children }: PropsWithChildren) {
  return <View className="page-title">{children}</View>
}
