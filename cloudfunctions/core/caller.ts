import type { Role } from '@shared/contract';
import type { Residency } from '@shared/contract';
import type { Store } from './store/port';

declare module './router' {
  interface CollectionDocs {
    users: UserDoc;
  }
}

/** A user as stored. Identity is the OPENID the platform gives; `_id` is ours, so erasure can unlink it. */
export interface UserDoc {
  _id: string;
  /** `null`-like `deleted:<id>` after erasure keeps the unique index on openid satisfied. */
  openid: string;
  nickname: string;
  avatarFileId: string | null;
  /** `household` is the flat's key (`shared/user/household.ts`), for finding residents by address. */
  residency: (Omit<Residency, 'communityName'> & { household?: string }) | null;
  roles: { communityId: string; role: 'host' | 'staff' | 'org' }[];
  admin: boolean;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export interface Caller {
  openid: string | null;
  user: UserDoc | null;
}

export async function loadCaller(store: Store, openid: string | null): Promise<Caller> {
  if (!openid) return { openid: null, user: null };
  const { items } = await store.query<UserDoc>('users', { where: { openid }, limit: 1 });
  return { openid, user: items[0] ?? null };
}

/** The community a caller lives in, once staff have verified them. */
export function residentCommunity(caller: Caller): string | null {
  const r = caller.user?.residency;
  return r && r.status === 'approved' ? r.communityId : null;
}

/** Whether the caller holds `role` in `communityId` (or in any community when it is omitted). */
export function hasRole(caller: Caller, role: Role, communityId?: string | null): boolean {
  const user = caller.user;
  if (!user) return false;
  if (role === 'admin') return user.admin;
  if (role === 'resident') {
    const home = residentCommunity(caller);
    return home !== null && (communityId === undefined || home === communityId);
  }
  return user.roles.some((r) => r.role === role && (communityId === undefined || r.communityId === communityId));
}

/** The caller's strongest role in a community, as shown on audit trails and timelines. */
export function roleIn(caller: Caller, communityId: string | null): Role | 'visitor' {
  const order: Role[] = ['admin', 'staff', 'host', 'org', 'resident'];
  return order.find((role) => hasRole(caller, role, communityId ?? undefined)) ?? 'visitor';
}
