/**
 * Which WeChat mini-program and CloudBase environment a weapp build talks to. Both come from the build's
 * environment (or `miniprogram/.env.*.local`, which Taro reads), never from the repository:
 * - `TARO_APP_ID`: the mini-program's AppID. Taro writes it into `dist/weapp/project.config.json`.
 * - `TARO_APP_CLOUD_ENV`: the CloudBase environment id that `wx.cloud.init` is bound to.
 *
 * Without them the build is a local preview under WeChat's tourist AppID, which cannot reach CloudBase; the
 * app then says so on every page. A release build (`GONGZHI_RELEASE=1`, as `npm run build:weapp:release`
 * and the upload script set it) refuses to start without both.
 */
export const TOURIST_APP_ID = 'touristappid'

export interface WechatTarget {
  appId: string
  cloudEnv: string
  /** True for the tourist preview: nothing in the cloud can be called. */
  preview: boolean
}

export function wechatTarget(env: NodeJS.ProcessEnv): WechatTarget {
  const appId = (env.TARO_APP_ID ?? '').trim()
  const cloudEnv = (env.TARO_APP_CLOUD_ENV ?? '').trim()
  const release = env.GONGZHI_RELEASE === '1'
  const missing = [appId ? null : 'TARO_APP_ID', cloudEnv ? null : 'TARO_APP_CLOUD_ENV'].filter(Boolean)
  if ((release || appId) && missing.length > 0) {
    throw new Error(
      `weapp build: ${missing.join(' and ')} must be set for a build with a real AppID ` +
        '(see README "Deploying"); an unset TARO_APP_ID builds the tourist preview instead.',
    )
  }
  if (appId && !/^wx[0-9a-f]{16}$/.test(appId)) throw new Error(`weapp build: TARO_APP_ID "${appId}" is not a mini-program AppID (wx + 16 hex digits)`)
  return { appId: appId || TOURIST_APP_ID, cloudEnv, preview: !appId }
}
