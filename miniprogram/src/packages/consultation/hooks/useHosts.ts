import type { MemberView } from '@shared/contract'
import { api } from '../../../services/api'
import { useLoaded } from '../../../hooks/useLoaded'

/** The community's members who hold the host role (staff only may list members). */
export function useHosts(communityId: string | null) {
  return useLoaded(async () => {
    const hosts: MemberView[] = []
    let cursor: string | undefined
    // A community has few hosts among its residents; ten pages is far beyond any real one.
    for (let i = 0; i < 10; i++) {
      const page = await api.user.listMembers({ communityId: communityId as string, cursor, limit: 100 })
      hosts.push(...page.items.filter((m) => m.roles.includes('host')))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    return hosts
  }, communityId)
}
