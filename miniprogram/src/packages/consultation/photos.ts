import Taro from '@tarojs/taro'
import { networkError } from '../../services/errors'
import { uploadFile } from '../../services/files'

/**
 * Uploads one picked photo for an opinion or a progress update. The shared uploader names only the
 * avatar and notice folders, so on weapp this files them under consultation/; on H5 the local cloud
 * chooses the name itself and the shared uploader is used as it is.
 */
export async function uploadConsultationPhoto(localPath: string): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') return uploadFile(localPath, 'notices')
  const ext = (/\.(\w{2,5})$/.exec(localPath)?.[1] ?? 'jpg').toLowerCase()
  const cloudPath = `consultation/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`
  try {
    return (await Taro.cloud.uploadFile({ cloudPath, filePath: localPath })).fileID
  } catch {
    throw networkError()
  }
}
