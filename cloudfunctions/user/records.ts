import type { CommunitySettings, CommunityView, MeView, MemberView, Residency } from '@shared/contract';
import { communitySettings } from '@shared/modules';
import { AppError } from '@shared/errors';
import type { UserDoc } from '../core/caller';
import type { Store, TxStore } from '../core/store/port';

export interface CommunityDoc {
  _id: string;
  name: string;
  streetId: string;
  settings: CommunitySettings;
  createdAt: number;
}

export async function getCommunity(store: Store | TxStore, communityId: string): Promise<CommunityDoc> {
  const community = await store.get<CommunityDoc>('communities', communityId);
  if (!community) throw new AppError('NOT_FOUND', '社区不存在');
  return community;
}

export function communityView(c: CommunityDoc): CommunityView {
  return { id: c._id, name: c.name, streetId: c.streetId, settings: communitySettings(c.settings) };
}

export function meView(user: UserDoc, communityName: string | null): MeView {
  return {
    id: user._id,
    nickname: user.nickname,
    avatarFileId: user.avatarFileId,
    residency: user.residency ? residencyView(user.residency, communityName ?? '') : null,
    roles: user.roles,
    admin: user.admin,
    createdAt: user.createdAt,
  };
}

/** A residency as its owner and staff read it: the storage key left out. */
export function residencyView(stored: NonNullable<UserDoc['residency']>, communityName: string): Residency {
  const { household: _key, ...residency } = stored;
  return { ...residency, communityName };
}

export function memberView(user: UserDoc, communityId: string): MemberView {
  const here = user.residency?.communityId === communityId ? user.residency : null;
  return {
    userId: user._id,
    nickname: user.nickname,
    name: here?.name ?? '',
    building: here?.building ?? '',
    unit: here?.unit ?? '',
    room: here?.room ?? '',
    roles: user.roles.filter((r) => r.communityId === communityId).map((r) => r.role),
  };
}

/** A display name for someone else; erased accounts stay anonymous. */
export function displayName(user: Pick<UserDoc, 'nickname' | 'deletedAt'> | null): string {
  if (!user || user.deletedAt) return '已注销用户';
  return user.nickname || '居民';
}

export function newUser(id: string, openid: string, now: number): UserDoc {
  return {
    _id: id,
    openid,
    nickname: '',
    avatarFileId: null,
    residency: null,
    roles: [],
    admin: false,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

export async function requireUser(store: Store | TxStore, userId: string): Promise<UserDoc> {
  const user = await store.get<UserDoc>('users', userId);
  if (!user || user.deletedAt) throw new AppError('NOT_FOUND', '用户不存在');
  return user;
}
