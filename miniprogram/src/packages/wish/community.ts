import type { CommunityView, MeView } from '@shared/contract'

/**
 * Whose wishes a page shows: the one the address names, else where the person lives, else where they are a
 * 爱心单位 or staff, else the one they chose to browse, else the street's first.
 */
export function wishCommunity(param: string | undefined, me: MeView | null, chosen: string | undefined, all: CommunityView[]): string {
  if (param) return param
  if (me?.residency?.status === 'approved') return me.residency.communityId
  const role = me?.roles.find((r) => r.role === 'org') ?? me?.roles.find((r) => r.role === 'staff')
  if (role) return role.communityId
  return chosen || all[0]?.id || ''
}

/** The categories a community's staff set (settings.wish.categories), as chips. */
export function categoriesOf(all: CommunityView[], communityId: string): string[] {
  const settings = all.find((c) => c.id === communityId)?.settings.wish as { categories?: string[] } | undefined
  return settings?.categories ?? []
}
