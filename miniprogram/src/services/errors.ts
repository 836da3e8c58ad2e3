import Taro from '@tarojs/taro'
import { ERROR_MESSAGES, isErrorCode, type ApiError, type ErrorCode } from '@shared/errors'
import { clearSession } from './session'
import { routes } from './routes'
import { scrollToFirstErrorSoon } from './scrollToError'

/** Codes the server answers with, plus the one only a phone can hit: the request never arrived. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

const NETWORK_MESSAGE = '网络不太好，请检查网络后重试'

/** Every failed call reaches pages as this, whatever the transport. */
export class ApiCallError extends Error {
  readonly code: ClientErrorCode
  readonly fields?: Record<string, string>
  readonly requestId?: string

  constructor(error: { code: ClientErrorCode; message?: string; fields?: Record<string, string>; requestId?: string }) {
    super(error.message || messageFor(error.code))
    this.name = 'ApiCallError'
    this.code = error.code
    this.fields = error.fields
    this.requestId = error.requestId
  }
}

function messageFor(code: ClientErrorCode): string {
  return code === 'NETWORK' ? NETWORK_MESSAGE : ERROR_MESSAGES[code]
}

/** An error envelope's payload, or anything malformed, as an ApiCallError. */
export function fromEnvelopeError(error: Partial<ApiError> | undefined): ApiCallError {
  const code = isErrorCode(error?.code) ? error.code : 'INTERNAL'
  return new ApiCallError({ code, message: error?.message, fields: error?.fields, requestId: error?.requestId })
}

export function networkError(): ApiCallError {
  return new ApiCallError({ code: 'NETWORK' })
}

/** Anything thrown, as an ApiCallError; unknown failures read as "系统繁忙" rather than a stack trace. */
export function toApiCallError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error
  return new ApiCallError({ code: 'INTERNAL' })
}

/** Field messages keyed by the form's field names, or an empty map. */
export function fieldMessagesOf(error: unknown): Record<string, string> {
  return error instanceof ApiCallError && error.fields ? { ...error.fields } : {}
}

export interface ReportOptions {
  /** A form's setter: field messages go under the inputs, not only into the toast. */
  onFields?: (fields: Record<string, string>) => void
}

/**
 * The one place failures become something a person sees: a Chinese toast, messages under form fields (the first
 * red field scrolled into view and focused), and on H5 the sign-in page when the session is missing or expired.
 */
export function reportError(error: unknown, options: ReportOptions = {}): ApiCallError {
  const e = toApiCallError(error)
  if (e.fields && options.onFields) {
    options.onFields(e.fields)
    scrollToFirstErrorSoon()
  }
  // The toast always carries the words themselves: a message may belong to no field on screen (参会名额少于法定人数
  // is about two fields, or none the form shows), and a pointer to "the red text" would then point at nothing.
  void Taro.showToast({ title: e.message, icon: 'none', duration: 2500 })
  if (e.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') goToLogin()
  return e
}

let redirecting = false

/** H5 only: the weapp is always signed in by WeChat, and its build has no sign-in page. */
export function goToLogin(): void {
  if (process.env.TARO_ENV !== 'h5' || redirecting) return
  redirecting = true
  clearSession()
  const pages = Taro.getCurrentPages()
  const here = pages.length ? pages[pages.length - 1] : undefined
  const back = here?.route ? `/${here.route.replace(/^\//, '')}` : ''
  setTimeout(() => {
    redirecting = false
    void Taro.navigateTo({ url: routes.login(back) })
  }, 600)
}
