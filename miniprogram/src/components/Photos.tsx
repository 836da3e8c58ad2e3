import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from './Picture'
import { useFileUrls } from '../hooks/useFileUrls'
import { reportError } from '../services/errors'
import { uploadFile, type UploadFolder } from '../services/files'
import './Photos.scss'

/** Photos as file ids: pick (camera or album), upload one by one (into `folder` on weapp), tap × to drop. */
export function PhotoPicker({ value, max, folder, onChange }: { value: string[]; max: number; folder: UploadFolder; onChange: (ids: string[]) => void }) {
  const urls = useFileUrls(value)
  const [uploading, setUploading] = useState(false)
  const pick = async () => {
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: max - value.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths
    } catch {
      return // the person closed the picker
    }
    setUploading(true)
    const added: string[] = []
    try {
      for (const p of paths) added.push(await uploadFile(p, folder))
    } catch (e) {
      reportError(e)
    } finally {
      setUploading(false)
      onChange([...value, ...added].slice(0, max))
    }
  }
  return (
    <View className="gz-photos">
      {value.map((id, i) => (
        <View key={id} className="gz-photos__item">
          {urls?.[i] ? <Picture className="gz-photos__img" src={urls[i]} mode="aspectFill" alt={`第${i + 1}张照片`} /> : <Text className="gz-muted">照片</Text>}
          <View className="gz-photos__remove" role="button" aria-label="删除照片" onClick={() => onChange(value.filter((x) => x !== id))}>
            ×
          </View>
        </View>
      ))}
      {value.length < max ? (
        <View className="gz-photos__add" role="button" data-testid="add-photo" onClick={uploading ? undefined : pick}>
          <Text>{uploading ? '上传中…' : '＋ 添加照片'}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** Photos to look at: tap to see full size. */
export function PhotoRow({ ids }: { ids: string[] }) {
  const urls = useFileUrls(ids)
  if (!ids.length) return null
  const shown = (urls ?? []).filter(Boolean)
  return (
    <View className="gz-photos">
      {ids.map((id, i) => (
        <View key={id} className="gz-photos__item">
          {urls?.[i] ? (
            <Picture className="gz-photos__img" src={urls[i]} mode="aspectFill" alt={`第${i + 1}张照片，点按看大图`} role="button" onClick={() => void Taro.previewImage({ current: urls[i], urls: shown })} />
          ) : (
            <Text className="gz-muted">图片暂时无法显示</Text>
          )}
        </View>
      ))}
    </View>
  )
}
