/** Addresses of the 创享计划 subpackage's pages. */
const ROOT = '/packages/budget'

const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const budgetRoutes = {
  rounds: (communityId?: string) => `${ROOT}/rounds/index${q({ communityId })}`,
  round: (id: string) => `${ROOT}/round/index${q({ id })}`,
  create: (communityId: string) => `${ROOT}/edit/index${q({ communityId })}`,
  edit: (id: string) => `${ROOT}/edit/index${q({ id })}`,
  proposal: (id: string) => `${ROOT}/proposal/index${q({ id })}`,
  submit: (roundId: string) => `${ROOT}/proposal-new/index${q({ roundId })}`,
  editProposal: (roundId: string, id: string) => `${ROOT}/proposal-new/index${q({ roundId, id })}`,
  ballot: (id: string) => `${ROOT}/ballot/index${q({ id })}`,
  receipt: (id: string) => `${ROOT}/receipt/index${q({ id })}`,
  results: (id: string) => `${ROOT}/results/index${q({ id })}`,
  review: (id: string) => `${ROOT}/review/index${q({ id })}`,
  staff: (id: string) => `${ROOT}/staff/index${q({ id })}`,
}
