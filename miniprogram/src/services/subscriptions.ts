import Taro from '@tarojs/taro'
import type { NotifyTemplate } from '@shared/notify/contract'
import { api } from './api'

/** WeChat shows at most this many templates in one request. */
const PER_REQUEST = 3

let templates: NotifyTemplate[] | null = null
let loading: Promise<void> | null = null

const isWeapp = () => process.env.TARO_ENV === 'weapp'

/**
 * Fetches the configured template ids ahead of time: `wx.requestSubscribeMessage` must be called right in the
 * tap, so there is no time to ask the server then. H5 has no subscription messages and skips it.
 */
export function preloadTemplates(): Promise<void> {
  if (!isWeapp() || templates) return Promise.resolve()
  loading ??= api.notify
    .templates()
    .then((list) => {
      templates = list
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null
    })
  return loading
}

/** The template ids to ask for, for the keys given, in order, at most three. */
export function templateIdsFor(keys: string[], list: NotifyTemplate[]): string[] {
  const byKey = new Map(list.map((t) => [t.key, t.templateId]))
  return [...new Set(keys.map((k) => byKey.get(k)).filter((id): id is string => !!id))].slice(0, PER_REQUEST)
}

/** The ids the person accepted, from WeChat's answer (`{ [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }`). */
export function acceptedIds(asked: string[], answer: Record<string, unknown>): string[] {
  return asked.filter((id) => answer[id] === 'accept')
}

/**
 * Asks the person to allow WeChat reminders for these templates, then tells the server which they accepted.
 * Call it first thing in a tap handler, before any await: WeChat refuses the request outside a tap. A refusal or a
 * failure changes nothing else: the inbox has every message anyway.
 */
export async function askToSubscribe(keys: string[]): Promise<string[]> {
  if (!isWeapp() || !templates) return []
  const ids = templateIdsFor(keys, templates)
  if (!ids.length) return []
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)
    const accepted = acceptedIds(ids, answer as unknown as Record<string, unknown>)
    if (accepted.length) await api.notify.subscribed({ templateIds: accepted })
    return accepted
  } catch {
    return []
  }
}
