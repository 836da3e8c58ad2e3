import { queryAll } from '../core/store/paging';
import type { Store } from '../core/store/port';
import type { OrgDoc, WishDoc } from './records';

/** What the 微心愿 module holds about one person: their wishes, their claims, their 爱心积分 and 爱心单位 records. */
export async function wishRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  return {
    wishes: await queryAll(store, 'wishes', { where: { wisherId: userId } }),
    wishClaims: await queryAll(store, 'wishes', { where: { claimantId: userId } }),
    lovePoints: await queryAll(store, 'lovePoints', { where: { userId } }),
    orgs: await queryAll(store, 'orgs', { where: { userId } }),
  };
}

/**
 * On erasure a wisher's open wishes leave the wall and their contact details are wiped; what was done stays on
 * record without a name. A claimant stops being named on wishes and the leaderboard; their ledger entries stay
 * (the ledger is append-only) under 已注销用户.
 */
export async function forgetWishPeople(store: Store, userId: string): Promise<void> {
  for (const w of await queryAll<WishDoc>(store, 'wishes', { where: { wisherId: userId } })) {
    const open = ['submitted', 'published', 'claimed', 'fulfilled'].includes(w.status);
    await store.update('wishes', w._id, { name: '已注销用户', maskedName: '已注销用户', phone: '', address: '', ...(open ? { status: 'withdrawn', claimDueAt: null } : {}) });
  }
  for (const w of await queryAll<WishDoc>(store, 'wishes', { where: { claimantId: userId } })) {
    if (w.claim) await store.update('wishes', w._id, { 'claim.claimantName': '已注销用户' });
  }
  for (const e of await queryAll<{ _id: string }>(store, 'lovePoints', { where: { userId } })) await store.update('lovePoints', e._id, { name: '已注销用户' });
  for (const o of await queryAll<OrgDoc>(store, 'orgs', { where: { userId } })) await store.update('orgs', o._id, { contactPhone: '' });
  await store.remove('wishers', userId);
}
