import { Text, View } from '@tarojs/components'
import { Picture } from './Picture'
import { useFileUrls } from '../hooks/useFileUrls'

/** A round avatar, or the first character of the nickname when there is no picture. */
export function Avatar({ fileId, name, size = 'normal' }: { fileId: string | null; name: string; size?: 'normal' | 'large' }) {
  const url = useFileUrls(fileId ? [fileId] : [])?.[0]
  return (
    <View className={`gz-avatar gz-avatar--${size}`}>
      {url ? <Picture className="gz-avatar__img" src={url} mode="aspectFill" alt={`${name || '居民'}的头像`} /> : <Text className="gz-avatar__letter">{(name || '居').slice(0, 1)}</Text>}
    </View>
  )
}
