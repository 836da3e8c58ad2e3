import Taro from '@tarojs/taro'
import { getSession } from './session'
import { ApiCallError, fromEnvelopeError, networkError } from './errors'

const LOCAL_PREFIX = 'local://'

/**
 * Display URLs for stored file ids, in order; '' for an id this platform cannot show. The local cloud
 * serves `local://files/x` at `/files/x`; CloudBase `cloud://` ids need short-lived URLs, fetched in one batch.
 */
export async function resolveFileUrls(fileIds: string[]): Promise<string[]> {
  const urls = fileIds.map((id) => (id.startsWith(LOCAL_PREFIX) && process.env.TARO_ENV === 'h5' ? `/${id.slice(LOCAL_PREFIX.length)}` : ''))
  const cloudIds = fileIds.filter((id) => id.startsWith('cloud://'))
  if (process.env.TARO_ENV === 'weapp' && cloudIds.length) {
    try {
      const { fileList } = await Taro.cloud.getTempFileURL({ fileList: cloudIds })
      const byId = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
      fileIds.forEach((id, i) => {
        if (byId.has(id)) urls[i] = byId.get(id) ?? ''
      })
    } catch {
      // A picture that cannot load is shown as missing; the text still reads.
    }
  }
  return urls
}

/** Uploads a file picked on this device and returns its file id for the contract's `fileId` fields. */
export async function uploadFile(localPath: string, folder: UploadFolder): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const ext = (/\.(\w{2,5})$/.exec(localPath)?.[1] ?? 'png').toLowerCase()
    const name = `${folder}/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`
    try {
      return (await Taro.cloud.uploadFile({ cloudPath: name, filePath: localPath })).fileID
    } catch {
      throw networkError()
    }
  }
  return uploadOverHttp(localPath)
}

/** Cloud storage folders on weapp, one per kind of picture; the local cloud names H5 uploads itself. */
export type UploadFolder = 'avatars' | 'notices' | 'consultation' | 'budget' | 'wish' | 'room'

async function uploadOverHttp(localPath: string): Promise<string> {
  const session = getSession()
  if (!session) throw new ApiCallError({ code: 'UNAUTHENTICATED' })
  let body: { ok?: boolean; data?: { fileId: string }; error?: { code: string; message: string } }
  try {
    // On H5 a picked image is a blob: URL; the local cloud takes the raw bytes.
    const blob = await (await fetch(localPath)).blob()
    const response = await fetch('/api/upload', {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.token}`, 'content-type': blob.type || 'image/png' },
      body: blob,
    })
    body = await response.json()
  } catch {
    throw networkError()
  }
  if (body.ok && body.data) return body.data.fileId
  throw fromEnvelopeError(body.error as never)
}

/** Errors opening a generated file, in words; the toast says what to try. */
const DOWNLOAD_FAILED = '文件下载失败，请稍后重试'
const OPEN_FAILED = '手机无法打开这个文件，请在电脑上用 Excel 或 WPS 打开'

/**
 * Opens a file a cloud function made (an export), from the temporary link it returned. H5: the browser saves it under
 * its name. WeChat cannot follow a link to a file: it downloads it to a temporary path, then opens it in the phone's
 * document viewer (which offers 转发/保存 from its menu).
 */
export async function openFileLink(file: { fileName: string; url: string }): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    let filePath: string
    try {
      const res = await Taro.downloadFile({ url: file.url })
      if (res.statusCode !== 200) throw new Error(String(res.statusCode))
      filePath = res.tempFilePath
    } catch {
      throw new ApiCallError({ code: 'NETWORK', message: DOWNLOAD_FAILED })
    }
    const fileType = (/\.(\w+)$/.exec(file.fileName)?.[1] ?? 'xlsx').toLowerCase() as Taro.openDocument.Option['fileType']
    try {
      await Taro.openDocument({ filePath, fileType, showMenu: true })
    } catch {
      throw new ApiCallError({ code: 'INTERNAL', message: OPEN_FAILED })
    }
    return
  }
  // A link clicked from script, not window.open: the call came back after an await, and a pop-up would be blocked.
  const link = document.createElement('a')
  link.href = file.url
  link.download = file.fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
