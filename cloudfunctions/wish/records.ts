import { createHash } from 'node:crypto';
import type { LedgerEntryView, OrgView, WishCard, WishView } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { LedgerEntry } from '@shared/wish/ledger';
import { isOverdue, moveProblem, type WishStatus } from '@shared/wish/rules';
import type { Store, TxStore } from '../core/store/port';

declare module '../core/router' {
  interface CollectionDocs {
    wishes: WishDoc;
    lovePoints: LedgerDoc;
  }
}

export interface WishClaim {
  claimantName: string;
  claimantKind: 'resident' | 'org';
  promisedDate: number;
  claimedAt: number;
}

/**
 * A wish as stored. The wisher's name, phone and door number are kept for the people a flow needs (the wisher,
 * the claimant of the moment, the community's staff) and never leave the function otherwise: the wall reads
 * `maskedName` and `building` only.
 */
export interface WishDoc {
  _id: string;
  communityId: string;
  communityName: string;
  /** The wisher's account; null for a 代办 wish, made by staff for a resident without one. */
  wisherId: string | null;
  /** The staff member who made a 代办 wish. */
  proxyBy: string | null;
  name: string;
  maskedName: string;
  building: string;
  address: string;
  phone: string;
  /** An opaque key of the wisher's home: the leaderboard counts households helped, not wishes. */
  household: string;
  category: string;
  title: string;
  description: string;
  photos: string[];
  estimatedValue: number;
  deadline: number;
  status: WishStatus;
  rejectReason: string | null;
  claimantId: string | null;
  claim: WishClaim | null;
  /** When the claim lapses (the end of the promised day); null while unclaimed. The cron's queue. */
  claimDueAt: number | null;
  fulfilment: { note: string; photos: string[]; at: number } | null;
  confirmation: { by: 'wisher' | 'staff' | 'phone'; thanks: string; note: string | null; at: number } | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One resident's count of wishes not yet done or closed, kept so that many submissions at once cannot pass the limit. */
export interface WisherDoc {
  _id: string;
  open: number;
}

export interface LedgerDoc extends Omit<LedgerEntry, 'id'> {
  _id: string;
  title: string;
}

export interface OrgDoc {
  _id: string;
  userId: string;
  communityId: string;
  orgName: string;
  contactPhone: string;
  status: OrgView['status'];
  appliedAt: number;
  reviewedAt: number | null;
}

export const orgId = (communityId: string, userId: string) => `${communityId}:${userId}`;

export function householdKey(communityId: string, building: string, address: string): string {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return createHash('sha256').update(`${communityId}|${norm(building)}|${norm(address)}`).digest('hex').slice(0, 20);
}

export async function requireWish(store: Store | TxStore, id: string): Promise<WishDoc> {
  const wish = await store.get<WishDoc>('wishes', id);
  if (!wish) throw new AppError('NOT_FOUND', '心愿不存在');
  return wish;
}

/** Refuses a move the wish's state does not allow, with the rule's own words. */
export function requireMove(wish: WishDoc, move: Parameters<typeof moveProblem>[1]): void {
  const problem = moveProblem(wish.status, move);
  if (problem) throw new AppError(problem.code, problem.message);
}

export function cardView(w: WishDoc): WishCard {
  return {
    id: w._id,
    communityId: w.communityId,
    communityName: w.communityName,
    maskedName: w.maskedName,
    building: w.building,
    category: w.category,
    title: w.title,
    description: w.description,
    estimatedValue: w.estimatedValue,
    deadline: w.deadline,
    status: w.status,
    proxy: w.wisherId === null,
    publishedAt: w.publishedAt,
    createdAt: w.createdAt,
  };
}

/** Who is looking, as far as one wish is concerned. */
export interface Viewer {
  userId: string | null;
  staff: boolean;
  /** May claim in this wish's community: a verified resident there, or a 爱心单位 there. */
  eligible: boolean;
}

export function wishView(w: WishDoc, viewer: Viewer, now: number): WishView {
  const mine = viewer.userId !== null && w.wisherId === viewer.userId;
  const claimedByMe = viewer.userId !== null && w.claimantId === viewer.userId && w.claim !== null;
  const insider = mine || claimedByMe || viewer.staff;
  return {
    ...cardView(w),
    contact: insider ? { name: w.name, phone: w.phone, address: `${w.building}${w.address}` } : null,
    claim: w.claim ? { ...w.claim, overdue: w.status === 'claimed' && isOverdue(w.claimDueAt, now) } : null,
    fulfilment: w.fulfilment,
    confirmation: w.confirmation ? { ...w.confirmation, note: viewer.staff ? w.confirmation.note : null } : null,
    rejectReason: mine || viewer.staff ? w.rejectReason : null,
    mine,
    claimedByMe,
    can: {
      withdraw: (mine || viewer.staff) && !moveProblem(w.status, 'withdraw'),
      claim: viewer.eligible && !mine && w.status === 'published',
      release: (claimedByMe || viewer.staff) && w.status === 'claimed',
      fulfil: claimedByMe && w.status === 'claimed',
      confirm: (mine || viewer.staff) && w.status === 'fulfilled',
      confirmByPhone: viewer.staff && !moveProblem(w.status, 'confirmByPhone'),
      review: viewer.staff && w.status === 'submitted',
    },
  };
}

export function ledgerView(e: LedgerDoc): LedgerEntryView {
  return { id: e._id, wishId: e.wishId, communityId: e.communityId, points: e.points, kind: e.kind, reverses: e.reverses, at: e.at, note: e.note, title: e.title };
}

export function orgView(o: OrgDoc): OrgView {
  return { userId: o.userId, communityId: o.communityId, orgName: o.orgName, contactPhone: o.contactPhone, status: o.status, appliedAt: o.appliedAt, reviewedAt: o.reviewedAt };
}
