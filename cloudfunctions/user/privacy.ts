import type { userContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { UserDoc } from '../core/caller';
import type { Handler } from '../core/router';
import type { Store } from '../core/store/port';
import { consultationRecordsOf, forgetConsultationNames } from '../consultation/personal-data';
import { noticeRecordsOf } from '../notice/personal-data';
import { forgetNotifySettings, notifyRecordsOf } from '../notify/personal-data';
import { inboxRecordsOf } from './inbox';

type C = typeof userContract;

/** Each module says what it holds about a person; the export gathers them. Later modules add theirs here. */
const RECORD_SOURCES: ((store: Store, userId: string) => Promise<Record<string, unknown[]>>)[] = [noticeRecordsOf, inboxRecordsOf, consultationRecordsOf, notifyRecordsOf];

export const exportMyData: Handler<C['exportMyData']> = async (_input, ctx) => {
  const user = ctx.caller.user;
  if (!user) return { user: { openid: ctx.caller.openid }, records: {} };
  const records: Record<string, unknown[]> = {};
  for (const source of RECORD_SOURCES) Object.assign(records, await source(ctx.store, user._id));
  const audit = await ctx.store.query('audit', { where: { actorId: user._id }, orderBy: [['at', 'desc']], limit: 100 });
  records.actions = audit.items;
  return { user: { ...user }, records };
};

/**
 * Erases personal fields and unlinks the OPENID. Contributions keep the bare user id, which now leads to
 * an anonymous record, so counts and timelines stay true without naming anyone.
 */
export const deleteMe: Handler<C['deleteMe']> = async (_input, ctx) => {
  const user = ctx.caller.user;
  if (!user) throw new AppError('NOT_FOUND', '没有需要删除的资料');
  const erased: Partial<UserDoc> = {
    openid: `deleted:${user._id}`,
    nickname: '',
    avatarFileId: null,
    residency: null,
    roles: [],
    admin: false,
    deletedAt: ctx.now,
    updatedAt: ctx.now,
  };
  // Names first: if this stops half-way the account still exists and erasing can simply be asked again.
  await forgetConsultationNames(ctx.store, user._id);
  await forgetNotifySettings(ctx.store, user._id);
  await ctx.store.transaction(async (tx) => {
    await tx.update('users', user._id, erased);
    const communityId = user.residency?.communityId ?? user.roles[0]?.communityId;
    if (communityId) {
      await ctx.audit(tx, { communityId, action: 'user.delete', targetType: 'user', targetId: user._id, before: null, after: 'erased' });
    }
  });
  return { deleted: true as const };
};
