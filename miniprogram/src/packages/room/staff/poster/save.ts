import Taro from '@tarojs/taro'

/**
 * Keeps the door poster's QR image: on H5 the browser downloads it; on WeChat it goes to the phone's album (a
 * data URL is written to a file first: `saveImageToPhotosAlbum` takes only a local path).
 */
export async function saveQrImage(image: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = image
    link.download = `${fileName}.png`
    document.body.appendChild(link)
    link.click()
    link.remove()
    return
  }
  let path: string
  const data = /^data:image\/\w+;base64,(.*)$/.exec(image)
  if (data) {
    path = `${Taro.env.USER_DATA_PATH}/${fileName}.png`
    Taro.getFileSystemManager().writeFileSync(path, data[1], 'base64')
  } else {
    path = (await Taro.downloadFile({ url: image })).tempFilePath
  }
  await Taro.saveImageToPhotosAlbum({ filePath: path })
}

/** Prints the page on H5 (the poster alone: `@media print` in staff.scss hides the rest). */
export function printPoster(): void {
  if (process.env.TARO_ENV === 'h5') window.print()
}
