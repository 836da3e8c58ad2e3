import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { reportError } from '../../../services/errors'

/**
 * Runs one button's call at a time: `busy` names the running one (its button shows a spinner, the
 * others wait), failures become the shared toast and, with `onFields`, messages under the inputs.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null)
  const run = useCallback(
    async <R>(key: string, call: () => Promise<R>, options: { success?: string; onFields?: (fields: Record<string, string>) => void } = {}): Promise<R | undefined> => {
      setBusy(key)
      try {
        const result = await call()
        // WeChat cuts a toast with an icon after 7 characters.
        if (options.success) void Taro.showToast({ title: options.success, icon: options.success.length <= 7 ? 'success' : 'none' })
        return result
      } catch (error) {
        reportError(error, { onFields: options.onFields })
        return undefined
      } finally {
        setBusy(null)
      }
    },
    [],
  )
  return { busy, run }
}
