import type { CommunityView, MeView, Role } from '@shared/contract'
import { ROLE_LABELS } from '@shared/contract'

/** What the 我的 page lists under 我的身份, in plain words. */
export function roleLabels(me: MeView | null): string[] {
  if (!me) return []
  const labels: string[] = []
  if (me.admin) labels.push(ROLE_LABELS.admin)
  for (const r of me.roles) labels.push(`${ROLE_LABELS[r.role]}`)
  if (me.residency?.status === 'approved') labels.push(`${ROLE_LABELS.resident}（${me.residency.communityName}）`)
  return labels.length ? labels : [ROLE_LABELS.visitor]
}

export function hasRoleIn(me: MeView | null, role: Extract<Role, 'host' | 'staff'>, communityId?: string): boolean {
  return !!me?.roles.some((r) => r.role === role && (communityId === undefined || r.communityId === communityId))
}

/** Staff manage their own communities; the street admin manages them all. */
export function canManage(me: MeView | null): boolean {
  return !!me && (me.admin || hasRoleIn(me, 'staff'))
}

/** Communities whose notices this person may manage. */
export function managedCommunities(me: MeView | null, all: CommunityView[]): CommunityView[] {
  if (!me) return []
  if (me.admin) return all
  const mine = new Set(me.roles.filter((r) => r.role === 'staff').map((r) => r.communityId))
  return all.filter((c) => mine.has(c.id))
}

/** Residency review is a staff duty only (the admin assigns staff, not residents). */
export function reviewCommunities(me: MeView | null, all: CommunityView[]): CommunityView[] {
  if (!me) return []
  const mine = new Set(me.roles.filter((r) => r.role === 'staff').map((r) => r.communityId))
  return all.filter((c) => mine.has(c.id))
}
