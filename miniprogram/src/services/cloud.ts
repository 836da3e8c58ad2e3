import Taro from '@tarojs/taro'

/** weapp only: the cloud functions, database and storage all go through this init. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  // No env id: DevTools and the release both use the environment bound to the mini-program.
  Taro.cloud.init({ traceUser: true })
}
