import Taro from '@tarojs/taro'
import { setSession } from './session'
import { ApiCallError, fromEnvelopeError, networkError } from './errors'

export interface DemoAccount {
  openid: string
  label: string
}

/** The local cloud's stand-in for WeChat sign-in (H5 only). */
async function post<T>(url: string, method: 'GET' | 'POST', data?: unknown): Promise<T> {
  let body: { ok?: boolean; data?: T; error?: { code: string; message: string } }
  try {
    body = (await Taro.request({ url, method, data, header: { 'content-type': 'application/json' }, dataType: 'json' })).data as typeof body
  } catch {
    throw networkError()
  }
  if (body?.ok && body.data !== undefined) return body.data
  throw fromEnvelopeError(body?.error as never)
}

export function listDemoAccounts(): Promise<DemoAccount[]> {
  return post<DemoAccount[]>('/api/dev/accounts', 'GET')
}

export async function signInAs(openid: string): Promise<void> {
  const trimmed = openid.trim()
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trimmed)) {
    throw new ApiCallError({ code: 'VALIDATION', message: '只能填写字母、数字、下划线和短横线', fields: { openid: '只能填写字母、数字、下划线和短横线' } })
  }
  const { token } = await post<{ token: string; openid: string }>('/api/dev/login', 'POST', { openid: trimmed })
  setSession({ token, openid: trimmed })
}
