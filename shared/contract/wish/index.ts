import { orgActions } from './orgs';
import { pointsActions } from './points';
import { wishActions } from './wishes';

export type { WishCard, WishClaimView, WishContact, WishTimelineEntry, WishView } from './wishes';
export type { Leaderboard, LedgerEntryView, MyPoints } from './points';
export type { OrgView } from './orgs';

/** The wish function's actions: the wishes from wall to thanks, the 爱心积分 ledger, and the 爱心单位. */
export const wishContract = { ...wishActions, ...pointsActions, ...orgActions };
