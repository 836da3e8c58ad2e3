import { useCallback, useRef, useState, type SetStateAction } from 'react'
import { reportError } from '../services/errors'
import { SubmissionKeys, type Submission } from '../services/requestKey'
import { scrollToFirstErrorSoon } from '../services/scrollToError'
import { useDraft } from './useDraft'
import { useLeaveGuard } from './useLeaveGuard'

export interface FormOptions {
  /**
   * Keep what is typed on the phone under this key until it is sent, and restore it when the form opens again
   * (long texts: an opinion, a report). Undefined while the key is not known yet.
   */
  draft?: string
}

/** Whether any text field differs from what was loaded or last sent: the person typed something not yet sent. */
function unsentText<V extends object>(values: V, baseline: V): boolean {
  return Object.entries(values).some(([k, v]) => typeof v === 'string' && v.trim() !== String((baseline as Record<string, unknown>)[k] ?? '').trim())
}

/**
 * Form values with a message per field. `submit` runs an action; a validation answer (from the client-side
 * schema check or from the server) lands under the inputs, and the first red field is scrolled to and focused;
 * anything else becomes a toast.
 *
 * `run` gets the submission to pass to a create action (`api.x.create(input, submission)`): tapping submit
 * again with the same values after a failure (say the network dropped the answer) sends the same request key,
 * so the server answers with the record it already made instead of a second one.
 *
 * Text typed and not yet sent guards the page: leaving asks first (`useLeaveGuard`). `setValues` with a whole
 * object is a load (an existing record): it becomes the new "nothing unsent" point; an updater function is an edit.
 */
export function useForm<V extends object>(initial: V, options: FormOptions = {}) {
  const [values, setValuesState] = useState<V>(initial)
  const [errors, setErrorsState] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  const keys = useRef(new SubmissionKeys())
  const baseline = useRef<V>(initial)

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValuesState((v) => ({ ...v, [field]: value }))
    // The message was about the old value.
    setErrorsState((e) => {
      if (!(field in e)) return e
      const { [field as string]: _gone, ...rest } = e
      return rest
    })
  }, [])

  const setValues = useCallback((next: SetStateAction<V>) => {
    if (typeof next !== 'function') baseline.current = next
    setValuesState(next)
  }, [])

  // Messages set by the page itself (a check before sending) are brought into view like the server's.
  const refused = useRef(false)
  const setErrors = useCallback((next: Record<string, string>) => {
    setErrorsState(next)
    if (Object.keys(next).length) {
      refused.current = true
      scrollToFirstErrorSoon()
    }
  }, [])

  const unsent = unsentText(values, baseline.current)
  const draft = useDraft(options.draft, values, (restored) => setValuesState({ ...baseline.current, ...restored }), unsent)
  useLeaveGuard(unsent)

  const submit = useCallback(
    async <R>(run: (values: V, submission: Submission) => Promise<R>): Promise<R | undefined> => {
      setSubmitting(true)
      setErrorsState({})
      refused.current = false
      try {
        const result = await run(values, keys.current.forAttempt(values))
        // A page's own check may stop the run with messages (setErrors) instead of throwing: nothing was sent.
        if (refused.current) return undefined
        keys.current.succeeded()
        // Sent: this is now the "nothing unsent" point (the re-render after `setSubmitting(false)` sees it).
        baseline.current = values
        draft.clear()
        return result
      } catch (error) {
        reportError(error, { onFields: setErrors })
        return undefined
      } finally {
        setSubmitting(false)
      }
    },
    [values, draft, setErrors],
  )

  return { values, set, setValues, errors, setErrors, submitting, submit }
}
