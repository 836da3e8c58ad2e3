/** Addresses of the 议事厅 subpackage's pages, for the 议事 tab and the subpackage itself. */
const ROOT = '/packages/consultation'

const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const consultationRoutes = {
  tab: '/pages/consult/index',
  detail: (id: string) => `${ROOT}/detail/index${q({ id })}`,
  host: (id: string) => `${ROOT}/host/index${q({ id })}`,
  hosted: `${ROOT}/hosted/index`,
  create: (communityId: string) => `${ROOT}/create/index${q({ communityId })}`,
  opinions: (communityId: string, consultationId?: string) => `${ROOT}/opinions/index${q({ communityId, consultationId })}`,
  opinion: (id: string) => `${ROOT}/opinion/index${q({ id })}`,
  submitOpinion: (communityId: string, consultationId?: string) => `${ROOT}/opinion-new/index${q({ communityId, consultationId })}`,
  staff: (communityId: string) => `${ROOT}/staff/index${q({ communityId })}`,
  audit: (communityId: string, id: string) => `${ROOT}/audit/index${q({ communityId, id })}`,
}
