import type { Phase } from '@shared/budget/phases'

/** The tag colour of each phase on cards and the round page. */
export const PHASE_TAG: Record<Phase, string> = {
  collect: 'gz-tag--primary',
  review: 'gz-tag--orange',
  voting: 'gz-tag--primary',
  results: 'gz-tag--green',
  implementation: 'gz-tag--green',
  done: 'gz-tag--gray',
}
