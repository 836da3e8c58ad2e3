import Taro from '@tarojs/taro'

/**
 * The CloudBase environment this build is bound to (`TARO_APP_CLOUD_ENV` at build time, see
 * `config/wechat.ts`). Empty in the tourist preview, where nothing in the cloud can be reached.
 */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? ''

/** True on a weapp build made without an AppID and cloud environment: every page says so. */
export const IS_TOURIST_PREVIEW = process.env.TARO_ENV === 'weapp' && !CLOUD_ENV

export const TOURIST_PREVIEW_MESSAGE = '本地预览版：未配置小程序 AppID 和云环境，无法连接云端'

/**
 * weapp only: the cloud functions, database and storage all go through this init. Naming the environment
 * matters: with more than one, an unnamed init talks to whichever is the default.
 */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || IS_TOURIST_PREVIEW) return
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
}
