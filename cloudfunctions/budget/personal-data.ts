import { queryAll } from '../core/store/paging';
import type { Store } from '../core/store/port';

/**
 * Where the budget module keeps something about a person, by the field naming them. Ballots name nobody, so they are
 * not here: a person's has-voted markers say that they voted, never how.
 */
const HOLDINGS: [collection: string, field: string][] = [
  ['budgetProposals', 'proposerId'],
  ['budgetSupports', 'userId'],
  ['budgetVoters', 'userId'],
  ['budgetPaperBallots', 'userId'],
  ['budgetRatings', 'userId'],
];

export async function budgetRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const records: Record<string, unknown[]> = {};
  for (const [collection, field] of HOLDINGS) records[collection] = await queryAll<{ _id: string }>(store, collection, { where: { [field]: userId } });
  return records;
}

/**
 * On erasure, proposals keep their place (they may have won and been built) but stop naming the proposer; the
 * markers keep counting the turnout but stop naming the voter; paper entries stop naming the account.
 */
export async function forgetBudgetNames(store: Store, userId: string): Promise<void> {
  for (const p of await queryAll<{ _id: string }>(store, 'budgetProposals', { where: { proposerId: userId } })) await store.update('budgetProposals', p._id, { proposerName: '已注销用户' });
  for (const m of await queryAll<{ _id: string }>(store, 'budgetVoters', { where: { userId } })) await store.update('budgetVoters', m._id, { userId: null });
  for (const m of await queryAll<{ _id: string }>(store, 'budgetPaperBallots', { where: { userId } })) await store.update('budgetPaperBallots', m._id, { userId: null });
}
