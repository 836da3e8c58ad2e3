import type { InputOf, WishView, wishContract } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import type { Client } from './cloud';

export const XFL = 'c_xingfuli';

export function wishInput(overrides: Partial<InputOf<(typeof wishContract)['submit']>> = {}) {
  return {
    communityId: XFL,
    name: '张秀英',
    phone: '13800138000',
    title: '想要一台收音机',
    description: '独居在家，想听听戏曲广播。',
    category: '生活用品',
    estimatedValue: 80,
    deadline: Date.now() + 14 * DAY_MS,
    ...overrides,
  };
}

/** A resident's wish, reviewed and on the wall. */
export async function publishedWish(wisher: Client, staff: Client, overrides: Parameters<typeof wishInput>[0] = {}): Promise<WishView> {
  const submitted = await wisher.ok('wish', 'submit', wishInput(overrides));
  return staff.ok('wish', 'review', { id: submitted.id, approve: true });
}

/** A wish someone has claimed, promising it in three days. */
export async function claimedWish(wisher: Client, staff: Client, claimant: Client): Promise<WishView> {
  const wish = await publishedWish(wisher, staff);
  return claimant.ok('wish', 'claim', { id: wish.id, promisedDate: Date.now() + 3 * DAY_MS });
}
