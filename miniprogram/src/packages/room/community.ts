import type { MeView } from '@shared/contract'

/**
 * Whose rooms a page shows: the one the address names, else where the person lives, else where they are staff or
 * host. Rooms are for a community's own people: a visitor has none.
 */
export function roomCommunity(param: string | undefined, me: MeView | null): string {
  if (param) return param
  if (me?.residency?.status === 'approved') return me.residency.communityId
  return me?.roles.find((r) => r.role === 'staff' || r.role === 'host')?.communityId ?? ''
}

/** Whether this person books rooms in this community as a resident (staff book through 代办 on their own pages). */
export function residentOf(me: MeView | null, communityId: string): boolean {
  return me?.residency?.status === 'approved' && me.residency.communityId === communityId
}
