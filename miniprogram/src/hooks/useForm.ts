import { useCallback, useRef, useState } from 'react'
import { reportError } from '../services/errors'
import { SubmissionKeys, type Submission } from '../services/requestKey'

/**
 * Form values with a message per field. `submit` runs an action; a validation answer (from the client-side
 * schema check or from the server) lands under the inputs, anything else becomes a toast.
 *
 * `run` gets the submission to pass to a create action (`api.x.create(input, submission)`): tapping submit
 * again with the same values after a failure (say the network dropped the answer) sends the same request key,
 * so the server answers with the record it already made instead of a second one.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)
  const keys = useRef(new SubmissionKeys())

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    // The message was about the old value.
    setErrors((e) => {
      if (!(field in e)) return e
      const { [field as string]: _gone, ...rest } = e
      return rest
    })
  }, [])

  const submit = useCallback(async <R>(run: (values: V, submission: Submission) => Promise<R>): Promise<R | undefined> => {
    setSubmitting(true)
    setErrors({})
    try {
      const result = await run(values, keys.current.forAttempt(values))
      keys.current.succeeded()
      return result
    } catch (error) {
      reportError(error, { onFields: setErrors })
      return undefined
    } finally {
      setSubmitting(false)
    }
  }, [values])

  return { values, set, setValues, errors, setErrors, submitting, submit }
}
