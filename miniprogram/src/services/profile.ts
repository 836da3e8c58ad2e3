import Taro from '@tarojs/taro'
import { api } from './api'
import { uploadFile } from './files'
import { setMe } from './me'

/** H5 has no chooseAvatar button: pick a picture from the computer instead. */
export async function pickImage(): Promise<string | null> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return tempFilePaths[0] ?? null
  } catch {
    // Cancelled.
    return null
  }
}

/** Uploads a new avatar and saves it on the profile. */
export async function changeAvatar(localPath: string): Promise<void> {
  const avatarFileId = await uploadFile(localPath, 'avatars')
  setMe(await api.user.updateProfile({ avatarFileId }))
}

export async function changeNickname(nickname: string): Promise<void> {
  setMe(await api.user.updateProfile({ nickname }))
}
