import type { ConsultationView } from '@shared/contract'
import type { useAction } from '../../../../hooks/useAction'
import type { Draft } from '../Checklist'

/** What every step form gets from the host screen. */
export interface StepFormProps {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  apply: (next: ConsultationView) => void
  refresh: () => Promise<void>
  /** A form tells the host screen about an edit it has not saved, so the checklist and the next-step button know. */
  onDraft: (draft: Draft) => void
}
