import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
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
      {children}
      <PrivacyPrompt />
    </View>
  )
}

export function PageTitle({ children }: PropsWithChildren) {
  return <View className="page-title">{children}</View>
}
