import Taro from '@tarojs/taro'

/** H5 only: the local cloud's signed token. On weapp WeChat identifies the caller itself. */
export interface Session {
  token: string
  openid: string
}

export const SESSION_KEY = 'gz.session'

const listeners = new Set<() => void>()

export function getSession(): Session | null {
  const value = Taro.getStorageSync(SESSION_KEY) as Partial<Session> | ''
  return value && typeof value.token === 'string' && typeof value.openid === 'string' ? { token: value.token, openid: value.openid } : null
}

export function setSession(session: Session): void {
  Taro.setStorageSync(SESSION_KEY, session)
  listeners.forEach((l) => l())
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY)
  listeners.forEach((l) => l())
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether calls carry an identity: always on weapp, after the sign-in page on H5. */
export function isSignedIn(): boolean {
  return process.env.TARO_ENV === 'weapp' || getSession() !== null
}
