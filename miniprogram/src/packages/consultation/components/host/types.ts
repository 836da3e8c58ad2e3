import type { ConsultationView } from '@shared/contract'
import type { useAction } from '../../hooks/useAction'

/** What every step form gets from the host screen. */
export interface StepFormProps {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  apply: (next: ConsultationView) => void
  refresh: () => Promise<void>
}
