import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { reportError } from '../services/errors'
import { SubmissionKeys, type Submission } from '../services/requestKey'

/**
 * Runs one button's call at a time: `busy` names the running one (its button shows a spinner, the
 * others wait), failures become the shared toast and, with `onFields`, messages under the inputs.
 * `call` gets the button's submission for a create action: pressing the button again after a failure
 * reuses its request key (pass `content`, what is being sent, to start afresh when it changes).
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null)
  const keys = useRef(new Map<string, SubmissionKeys>())
  const run = useCallback(
    async <R>(
      key: string,
      call: (submission: Submission) => Promise<R>,
      options: { success?: string; onFields?: (fields: Record<string, string>) => void; content?: unknown } = {},
    ): Promise<R | undefined> => {
      setBusy(key)
      const submissions = keys.current.get(key) ?? new SubmissionKeys()
      keys.current.set(key, submissions)
      try {
        const result = await call(submissions.forAttempt(options.content))
        submissions.succeeded()
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
