import { useCallback, useState } from 'react'
import { reportError } from '../services/errors'

/**
 * Form values with a message per field. `submit` runs an action; a validation answer (from the client-side
 * schema check or from the server) lands under the inputs, anything else becomes a toast.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }))
    // The message was about the old value.
    setErrors((e) => {
      if (!(field in e)) return e
      const { [field as string]: _gone, ...rest } = e
      return rest
    })
  }, [])

  const submit = useCallback(async <R>(run: (values: V) => Promise<R>): Promise<R | undefined> => {
    setSubmitting(true)
    setErrors({})
    try {
      return await run(values)
    } catch (error) {
      reportError(error, { onFields: setErrors })
      return undefined
    } finally {
      setSubmitting(false)
    }
  }, [values])

  return { values, set, setValues, errors, setErrors, submitting, submit }
}
