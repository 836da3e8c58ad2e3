import { formatShanghai } from '../time';

/**
 * 爱心积分, the "love savings bank": an append-only ledger. A confirmed wish writes one award to its claimant; a
 * mistake is put right by a reversal entry that cancels an award, never by editing or removing one. Balances and
 * leaderboards are sums over the entries.
 */
export interface LedgerEntry {
  id: string;
  userId: string;
  /** The claimant's name as shown on the leaderboard (a 爱心单位's own name). */
  name: string;
  communityId: string;
  wishId: string;
  /** An opaque key of the wisher's household, so helping the same home twice counts it once. */
  household: string;
  /** Positive for an award, its negative for a reversal. */
  points: number;
  kind: 'award' | 'reversal';
  /** The award a reversal cancels. */
  reverses: string | null;
  /** The Shanghai month the entry counts in, `YYYY-MM`. */
  month: string;
  at: number;
  note: string | null;
}

/** The one award a wish can ever earn: its id is the wish's, so confirming twice writes it once. */
export function awardId(wishId: string): string {
  return `lp:${wishId}`;
}

/** The one reversal an award can have. */
export function reversalId(award: Pick<LedgerEntry, 'id'>): string {
  return `${award.id}:rev`;
}

export function monthOf(ts: number): string {
  return formatShanghai(ts, 'YYYY-MM');
}

export function award(e: Omit<LedgerEntry, 'id' | 'kind' | 'reverses' | 'month'>): LedgerEntry {
  return { ...e, id: awardId(e.wishId), kind: 'award', reverses: null, month: monthOf(e.at) };
}

/** Cancels an award, dated when the correction is made (it counts in that month: the past is not rewritten). */
export function reversal(of: LedgerEntry, at: number, note: string): LedgerEntry {
  if (of.kind !== 'award') throw new Error('only an award can be reversed');
  return { ...of, id: reversalId(of), kind: 'reversal', reverses: of.id, points: -of.points, month: monthOf(at), at, note };
}

export function balanceOf(entries: readonly Pick<LedgerEntry, 'points'>[]): number {
  return entries.reduce((sum, e) => sum + e.points, 0);
}

export interface BoardRow {
  userId: string;
  name: string;
  /** Households helped: distinct homes with an award that stands. */
  households: number;
  points: number;
}

/**
 * The leaderboard over the entries given (a community's, for one month or all time): households helped first,
 * then points, then name. A reversed award no longer counts its household.
 */
export function leaderboard(entries: readonly LedgerEntry[], limit = 20): BoardRow[] {
  const byUser = new Map<string, { name: string; points: number; homes: Map<string, number> }>();
  for (const e of entries) {
    const row = byUser.get(e.userId) ?? { name: e.name, points: 0, homes: new Map<string, number>() };
    row.points += e.points;
    row.homes.set(e.household, (row.homes.get(e.household) ?? 0) + (e.kind === 'award' ? 1 : -1));
    if (e.kind === 'award') row.name = e.name;
    byUser.set(e.userId, row);
  }
  return [...byUser.entries()]
    .map(([userId, r]) => ({ userId, name: r.name, households: [...r.homes.values()].filter((n) => n > 0).length, points: r.points }))
    .filter((r) => r.households > 0 || r.points > 0)
    .sort((a, b) => b.households - a.households || b.points - a.points || a.name.localeCompare(b.name, 'zh'))
    .slice(0, limit);
}
