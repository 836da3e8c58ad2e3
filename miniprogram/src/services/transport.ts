import Taro from '@tarojs/taro'
import { clearSession, getSession } from './session'
import { ApiCallError, networkError } from './errors'
import { IS_TOURIST_PREVIEW, TOURIST_PREVIEW_MESSAGE } from './cloud'

export interface CloudEvent {
  action: string
  data: unknown
}

/**
 * Sends one action to a cloud function and returns what came back (an envelope, unless something in between
 * broke). On weapp WeChat attaches the caller's OPENID; on H5 the local cloud reads it from the session token.
 * Throws only when the request never completed.
 */
export async function sendToCloud(name: string, event: CloudEvent): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') return viaCloudFunction(name, event)
  return viaHttp(name, event)
}

async function viaCloudFunction(name: string, event: CloudEvent): Promise<unknown> {
  // The tourist AppID has no cloud: say why instead of a network error the person cannot fix.
  if (IS_TOURIST_PREVIEW) throw new ApiCallError({ code: 'NETWORK', message: TOURIST_PREVIEW_MESSAGE })
  try {
    return (await Taro.cloud.callFunction({ name, data: event as unknown as Record<string, unknown> })).result
  } catch {
    throw networkError()
  }
}

async function viaHttp(name: string, event: CloudEvent): Promise<unknown> {
  const session = getSession()
  let response: Taro.request.SuccessCallbackResult<Record<string, unknown>>
  try {
    response = await Taro.request<Record<string, unknown>>({
      url: `/api/${name}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
      dataType: 'json',
    })
  } catch {
    throw networkError()
  }
  // The gateway refuses an expired or forged token before any function runs.
  if (response.statusCode === 401) clearSession()
  return response.data
}
