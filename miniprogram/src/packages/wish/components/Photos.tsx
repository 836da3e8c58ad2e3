import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useFileUrls } from '../../../hooks/useFileUrls'
import { networkError, reportError } from '../../../services/errors'
import { uploadFile } from '../../../services/files'

/** Uploads a photo of a fulfilled wish: under wish/ in cloud storage on weapp; the local cloud names it itself. */
async function uploadWishPhoto(localPath: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return uploadFile(localPath, 'notices')
  const ext = (/\.(\w{2,5})$/.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
  try {
    return (await Taro.cloud.uploadFile({ cloudPath: `wish/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`, filePath: localPath })).fileID
  } catch {
    throw networkError()
  }
}

/** Photos as file ids: pick (camera or album), upload one by one, tap × to drop. */
export function PhotoPicker({ value, max, onChange }: { value: string[]; max: number; onChange: (ids: string[]) => void }) {
  const urls = useFileUrls(value)
  const [uploading, setUploading] = useState(false)
  const pick = async () => {
    let paths: string[]
    try {
      paths = (await Taro.chooseImage({ count: max - value.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths
    } catch {
      return // closed the picker
    }
    setUploading(true)
    const added: string[] = []
    try {
      for (const p of paths) added.push(await uploadWishPhoto(p))
    } catch (e) {
      reportError(e)
    } finally {
      setUploading(false)
      onChange([...value, ...added].slice(0, max))
    }
  }
  return (
    <View className="ws-photos">
      {value.map((id, i) => (
        <View key={id} className="ws-photos__item">
          {urls?.[i] ? <Image className="ws-photos__img" src={urls[i]} mode="aspectFill" /> : <Text className="gz-muted">照片</Text>}
          <View className="ws-photos__remove" role="button" aria-label="删除照片" onClick={() => onChange(value.filter((x) => x !== id))}>
            ×
          </View>
        </View>
      ))}
      {value.length < max ? (
        <View className="ws-photos__add" role="button" data-testid="add-photo" onClick={uploading ? undefined : pick}>
          <Text>{uploading ? '上传中…' : '＋ 添加照片'}</Text>
        </View>
      ) : null}
    </View>
  )
}

export function PhotoRow({ ids }: { ids: string[] }) {
  const urls = useFileUrls(ids)
  if (!ids.length) return null
  const shown = (urls ?? []).filter(Boolean)
  return (
    <View className="ws-photos">
      {ids.map((id, i) => (
        <View key={id} className="ws-photos__item">
          {urls?.[i] ? <Image className="ws-photos__img" src={urls[i]} mode="aspectFill" onClick={() => void Taro.previewImage({ current: urls[i], urls: shown })} /> : <Text className="gz-muted">图片暂时无法显示</Text>}
        </View>
      ))}
    </View>
  )
}
