import type { ParticipationKind } from './kinds';
import { monthOf, type MonthKey } from './periods';

/**
 * One community's month: the sum of each measure, and for the measures kept as distributions, how often each
 * value came. Sums and distributions add up across months and communities, so a quarter, a year or the street
 * is the rollups summed; medians are read from the summed distribution, never averaged.
 */
export interface Rollup {
  sums: Record<string, number>;
  dists: Record<string, Record<string, number>>;
}

/** What an audit entry gives the fold: who did what, where and when, and the before and after it recorded. */
export interface FoldEntry {
  communityId: string;
  at: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** A measure as the fold reads it (`cloudfunctions/core/module.ts` declares them on the manifests). */
export interface FoldMeasure {
  key: string;
  actions: readonly string[];
  value?(entry: FoldEntry): number | null;
  distribution?: boolean;
}

export interface FoldRules {
  measures: readonly FoldMeasure[];
  participation: Readonly<Record<string, ParticipationKind>>;
}

/** Where a participant took part in one month: the fold marks them once per month, quarter and year. */
export interface Participation {
  communityId: string;
  month: MonthKey;
  userId: string;
  kinds: Set<ParticipationKind>;
}

export interface Folded {
  /** By `<communityId>:<month>`. */
  months: Map<string, { communityId: string; month: MonthKey; rollup: Rollup }>;
  /** By `<communityId>:<month>:<userId>`. */
  participants: Map<string, Participation>;
}

/**
 * Roles whose actions are work done for residents, not a resident taking part: staff countersigning an elder's
 * paper ballot is recorded as the ballot being cast, but the staff member did not vote.
 */
const ON_BEHALF = new Set(['staff', 'admin', 'system']);

/** The action count of a participation kind is kept as the sum `kind_<kind>`. */
export const kindSum = (kind: ParticipationKind) => `kind_${kind}`;

export function emptyRollup(): Rollup {
  return { sums: {}, dists: {} };
}

/** Distributions keep whole numbers as keys: a stored field name cannot hold a dot. */
const bucketOf = (value: number) => String(Math.round(value));

/** Folds entries into rollup deltas and participations. Pure: the cron applies what it returns. */
export function foldEntries(entries: readonly FoldEntry[], rules: FoldRules): Folded {
  const byAction = new Map<string, FoldMeasure[]>();
  for (const m of rules.measures) for (const a of m.actions) byAction.set(a, [...(byAction.get(a) ?? []), m]);
  const folded: Folded = { months: new Map(), participants: new Map() };
  for (const entry of entries) {
    const month = monthOf(entry.at);
    const key = `${entry.communityId}:${month}`;
    const slot = folded.months.get(key) ?? { communityId: entry.communityId, month, rollup: emptyRollup() };
    let touched = false;
    for (const m of byAction.get(entry.action) ?? []) {
      const value = m.value ? m.value(entry) : 1;
      if (value === null || !Number.isFinite(value)) continue;
      addValue(slot.rollup, m.key, value, m.distribution);
      touched = true;
    }
    const kind = rules.participation[entry.action];
    if (kind && entry.actorId && !ON_BEHALF.has(entry.actorRole)) {
      addValue(slot.rollup, kindSum(kind), 1, false);
      touched = true;
      const pKey = `${key}:${entry.actorId}`;
      const p = folded.participants.get(pKey) ?? { communityId: entry.communityId, month, userId: entry.actorId, kinds: new Set() };
      p.kinds.add(kind);
      folded.participants.set(pKey, p);
    }
    if (touched) folded.months.set(key, slot);
  }
  return folded;
}

function addValue(r: Rollup, key: string, value: number, distribution?: boolean) {
  r.sums[key] = (r.sums[key] ?? 0) + value;
  if (!distribution) return;
  const dist = (r.dists[key] ??= {});
  const bucket = bucketOf(value);
  dist[bucket] = (dist[bucket] ?? 0) + 1;
}

/** Several rollups as one: months into a period, communities into the street. */
export function sumRollups(rollups: readonly Rollup[]): Rollup {
  const total = emptyRollup();
  for (const r of rollups) {
    for (const [k, v] of Object.entries(r.sums)) total.sums[k] = (total.sums[k] ?? 0) + v;
    for (const [k, dist] of Object.entries(r.dists)) {
      const into = (total.dists[k] ??= {});
      for (const [bucket, n] of Object.entries(dist)) into[bucket] = (into[bucket] ?? 0) + n;
    }
  }
  return total;
}

/** The median of a distribution (the mean of the two middle values when the count is even); null when empty. */
export function medianOf(dist: Readonly<Record<string, number>> | undefined): number | null {
  const buckets = Object.entries(dist ?? {})
    .map(([b, n]) => [Number(b), n] as const)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b);
  const count = buckets.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return null;
  const at = (i: number) => {
    let seen = 0;
    for (const [value, n] of buckets) {
      seen += n;
      if (i < seen) return value;
    }
    return buckets[buckets.length - 1][0];
  };
  return count % 2 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
}

/** A share, or null when there is nothing to share out (no ratings is no rate, not 0%). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The values of a distribution added up: a sample's total (the opening minutes of every room). */
export function totalOf(dist: Readonly<Record<string, number>> | undefined): number {
  return Object.entries(dist ?? {}).reduce((s, [value, n]) => s + Number(value) * n, 0);
}

/** How a figure reads the period's rollup. */
export function readerOf(r: Rollup) {
  return {
    sum: (key: string) => r.sums[key] ?? 0,
    median: (key: string) => medianOf(r.dists[key]),
    total: (key: string) => totalOf(r.dists[key]),
  };
}
