import type { DashboardView, GroupView, ParticipantsView } from '@shared/contract/dashboard';
import { PARTICIPATION_KINDS, PARTICIPATION_LABELS } from '@shared/dashboard/kinds';
import type { ResolvedPeriod } from '@shared/dashboard/periods';
import { kindSum, readerOf, sumRollups, type Rollup } from '@shared/dashboard/rollup';
import type { StatSpec } from '../core/module';
import type { MonthDoc, UniquesDoc } from './records';

/** A month rollup as the figures read it: the folded distributions and the sampled ones side by side. */
function rollupOf(doc: MonthDoc): Rollup {
  return { sums: doc.sums, dists: { ...doc.dists, ...doc.samples } };
}

const UNIQUE_NOTE = '自定义期间不是整月、整季度或整年时，不同月份的同一居民无法去重，只按月列出';

/**
 * The dashboard for one community or the street, from the month rollups of the period and the kept unique counts.
 * Pure: the handler reads the documents, this sums them. The street is its communities summed; a resident belongs
 * to one community, so the street's unique participants are its communities' added up.
 */
export function dashboardView(input: {
  communityId: string | null;
  period: ResolvedPeriod;
  groups: readonly StatSpec[];
  months: readonly MonthDoc[];
  uniques: readonly UniquesDoc[];
  foldedUpTo: number | null;
}): DashboardView {
  const { period, months, uniques } = input;
  const inPeriod = months.filter((d) => period.months.includes(d.month));
  const total = sumRollups(inPeriod.map(rollupOf));
  const byMonth = new Map(period.months.map((m) => [m, sumRollups(inPeriod.filter((d) => d.month === m).map(rollupOf))]));
  return {
    communityId: input.communityId,
    period: { kind: period.kind, label: period.label, months: period.months },
    foldedUpTo: input.foldedUpTo,
    participants: participantsView(period, total, byMonth, uniques),
    groups: input.groups.map((g) => groupView(g, total, byMonth)),
    communities: input.communityId === null ? communitiesView(period, inPeriod, uniques) : [],
  };
}

function uniquesFor(uniques: readonly UniquesDoc[], period: string | null, communityId?: string) {
  const docs = uniques.filter((u) => u.period === period && (communityId === undefined || u.communityId === communityId));
  return (kind: string) => docs.reduce((s, u) => s + (u.counts[kind as keyof UniquesDoc['counts']] ?? 0), 0);
}

const actionsIn = (r: Rollup) => PARTICIPATION_KINDS.reduce((s, k) => s + (r.sums[kindSum(k)] ?? 0), 0);

function participantsView(period: ResolvedPeriod, total: Rollup, byMonth: Map<string, Rollup>, uniques: readonly UniquesDoc[]): ParticipantsView {
  const whole = period.uniqueKey ? uniquesFor(uniques, period.uniqueKey) : null;
  return {
    unique: whole ? whole('all') : null,
    note: whole ? null : UNIQUE_NOTE,
    byMonth: period.months.map((m) => ({ month: m, unique: uniquesFor(uniques, m)('all'), actions: actionsIn(byMonth.get(m)!) })),
    byKind: PARTICIPATION_KINDS.map((kind) => ({ kind, label: PARTICIPATION_LABELS[kind], actions: total.sums[kindSum(kind)] ?? 0, unique: whole ? whole(kind) : null })),
  };
}

function groupView(g: StatSpec, total: Rollup, byMonth: Map<string, Rollup>): GroupView {
  const reader = readerOf(total);
  return {
    title: g.title,
    figures: g.figures.map((f) => ({ key: f.key, label: f.label, format: f.format, value: f.value(reader), ...(f.note ? { note: f.note } : {}) })),
    trends: g.figures
      .filter((f) => f.trend)
      .map((f) => ({ key: f.key, label: f.label, values: [...byMonth].map(([month, r]) => ({ month, value: f.value(readerOf(r)) })) })),
  };
}

function communitiesView(period: ResolvedPeriod, months: readonly MonthDoc[], uniques: readonly UniquesDoc[]) {
  const ids = [...new Set([...months.map((d) => d.communityId), ...uniques.map((u) => u.communityId)])].sort();
  return ids.map((communityId) => ({
    communityId,
    participants: period.uniqueKey ? uniquesFor(uniques, period.uniqueKey, communityId)('all') : null,
    actions: actionsIn(sumRollups(months.filter((d) => d.communityId === communityId).map(rollupOf))),
  }));
}
