import type { CommunityView, MeView, Role } from '@shared/contract'
import { ROLE_LABELS } from '@shared/contract'

/**
 * What the 我的 page lists under 我的身份, in plain words, each role with its community: 社区工作者（幸福里社区）.
 * MeView carries only community ids; the names come from the communities list, and a role whose community is
 * not known (yet) shows without it.
 */
export function roleLabels(me: MeView | null, communities: CommunityView[] = []): string[] {
  if (!me) return []
  const names = new Map(communities.map((c) => [c.id, c.name]))
  const labels: string[] = []
  if (me.admin) labels.push(ROLE_LABELS.admin)
  for (const r of me.roles) {
    const name = names.get(r.communityId)
    labels.push(name ? `${ROLE_LABELS[r.role]}（${name}）` : ROLE_LABELS[r.role])
  }
  if (me.residency?.status === 'approved') labels.push(`${ROLE_LABELS.resident}（${me.residency.communityName}）`)
  return labels.length ? labels : [ROLE_LABELS.visitor]
}

export function hasRoleIn(me: MeView | null, role: Extract<Role, 'host' | 'staff' | 'org'>, communityId?: string): boolean {
  return !!me?.roles.some((r) => r.role === role && (communityId === undefined || r.communityId === communityId))
}

/**
 * Staff of some community, or the street admin: they see the 管理 menu. Not `canManage`, which is a
 * consultation's own word for its host or its community's staff (ConsultationView.canManage).
 */
export function isStaffOrAdmin(me: MeView | null): boolean {
  return !!me && (me.admin || hasRoleIn(me, 'staff'))
}

/** Communities whose notices this person may manage. */
export function managedCommunities(me: MeView | null, all: CommunityView[]): CommunityView[] {
  if (!me) return []
  if (me.admin) return all
  const mine = new Set(staffCommunityIds(me))
  return all.filter((c) => mine.has(c.id))
}

/** Communities where this person is staff: 议事管理 and residency review are theirs there. */
export function staffCommunityIds(me: MeView | null): string[] {
  return me ? me.roles.filter((r) => r.role === 'staff').map((r) => r.communityId) : []
}

/** Residency review is a staff duty only (the admin assigns staff, not residents). */
export function reviewCommunities(me: MeView | null, all: CommunityView[]): CommunityView[] {
  const mine = new Set(staffCommunityIds(me))
  return all.filter((c) => mine.has(c.id))
}
