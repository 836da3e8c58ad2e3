import { formatFigure, monthLabel } from '@shared/dashboard/format';
import { monthOf, resolvePeriod, uniquePeriodsOf } from '@shared/dashboard/periods';
import { foldEntries, medianOf, rate, readerOf, sumRollups, type FoldEntry, type FoldRules } from '@shared/dashboard/rollup';
import { parseShanghai } from '@shared/time';
import { dashboardView } from '../../cloudfunctions/dashboard/view';
import type { MonthDoc, UniquesDoc } from '../../cloudfunctions/dashboard/records';
import type { StatSpec } from '../../cloudfunctions/core/module';
import { recorded, satisfactionRate, ratingMeasures } from '../../cloudfunctions/core/stats';

const rules: FoldRules = {
  measures: [
    { key: 'submitted', actions: ['wish.submit'] },
    { key: 'days', actions: ['wish.fulfil'], value: (e) => recorded(e, 'days'), distribution: true },
    ...ratingMeasures('c', ['consultation.rate']),
  ],
  participation: { 'wish.submit': 'wish', 'consultation.rate': 'rating', 'budget.castBallot': 'vote' },
};

let n = 0;
function entry(action: string, at: number, over: Partial<FoldEntry> = {}): FoldEntry {
  n += 1;
  return { communityId: 'c_a', at, actorId: `u${n}`, actorRole: 'resident', action, before: null, after: null, ...over };
}

describe('dashboard periods, in Shanghai time', () => {
  test('an entry at 16:30 UTC on the last of November falls in December', () => {
    expect(monthOf(Date.UTC(2026, 10, 30, 16, 30))).toBe('2026-12');
    expect(monthOf(Date.UTC(2026, 10, 30, 15, 59))).toBe('2026-11');
  });

  test('this month, quarter and year as of a day; each kept period has its own unique count', () => {
    const now = parseShanghai('2026-11-15');
    expect(resolvePeriod('month', now)).toMatchObject({ label: '2026年11月', months: ['2026-11'], uniqueKey: '2026-11' });
    expect(resolvePeriod('quarter', now)).toMatchObject({ label: '2026年第4季度', months: ['2026-10', '2026-11', '2026-12'], uniqueKey: '2026-Q4' });
    expect(resolvePeriod('year', now).months).toHaveLength(12);
    expect(resolvePeriod('year', now).uniqueKey).toBe('2026');
    expect(uniquePeriodsOf('2026-03')).toEqual(['2026-03', '2026-Q1', '2026']);
  });

  test('a custom span is whole months; it has a unique count only when it is exactly a kept period', () => {
    const now = parseShanghai('2026-11-15');
    expect(resolvePeriod('custom', now, { from: '2026-03', to: '2026-08' })).toMatchObject({ label: '2026年3月—2026年8月', uniqueKey: null });
    expect(resolvePeriod('custom', now, { from: '2026-04', to: '2026-06' }).uniqueKey).toBe('2026-Q2');
    expect(resolvePeriod('custom', now, { from: '2025-01', to: '2025-12' }).uniqueKey).toBe('2025');
    expect(resolvePeriod('custom', now, { from: '2025-11', to: '2026-02' }).months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('folding audit entries into month rollups', () => {
  test('nothing folded is an empty rollup: no counts, no median, no rate', () => {
    const folded = foldEntries([], rules);
    expect(folded.months.size).toBe(0);
    const r = readerOf(sumRollups([]));
    expect(r.sum('submitted')).toBe(0);
    expect(r.median('days')).toBeNull();
    expect(satisfactionRate(r, 'c')).toBeNull();
    expect(rate(0, 0)).toBeNull();
  });

  test('entries either side of midnight Shanghai on a month boundary land in their own months', () => {
    const folded = foldEntries([entry('wish.submit', Date.UTC(2026, 10, 30, 15, 59)), entry('wish.submit', Date.UTC(2026, 10, 30, 16, 1))], rules);
    expect([...folded.months.keys()].sort()).toEqual(['c_a:2026-11', 'c_a:2026-12']);
    expect(folded.months.get('c_a:2026-12')!.rollup.sums).toEqual({ submitted: 1, kind_wish: 1 });
  });

  test('participants are marked per community and month with the kinds they took part in; staff acting for someone are not', () => {
    const at = parseShanghai('2026-05-10');
    const folded = foldEntries(
      [
        entry('wish.submit', at, { actorId: 'zhang' }),
        entry('consultation.rate', at, { actorId: 'zhang', after: 'satisfied' }),
        entry('budget.castBallot', at, { actorId: 'li', actorRole: 'staff' }),
        entry('wish.submit', at, { actorId: 'wu', communityId: 'c_b' }),
      ],
      rules,
    );
    expect([...folded.participants.values()].map((p) => [p.communityId, p.userId, [...p.kinds]])).toEqual([
      ['c_a', 'zhang', ['wish', 'rating']],
      ['c_b', 'wu', ['wish']],
    ]);
    expect(folded.months.get('c_a:2026-05')!.rollup.sums.kind_vote).toBeUndefined();
  });

  test('a median comes from the summed distribution, not from the months’ medians', () => {
    const may = foldEntries([1, 1, 1].map((days) => entry('wish.fulfil', parseShanghai('2026-05-02'), { after: { days } })), rules);
    const june = foldEntries([9, 10].map((days) => entry('wish.fulfil', parseShanghai('2026-06-02'), { after: { days } })), rules);
    const both = sumRollups([...may.months.values(), ...june.months.values()].map((m) => m.rollup));
    expect(both.dists.days).toEqual({ '1': 3, '9': 1, '10': 1 });
    expect(readerOf(both).median('days')).toBe(1);
    expect(medianOf({ '2': 1, '5': 1 })).toBe(3.5);
    expect(readerOf(both).total('days')).toBe(22);
  });

  test('the satisfaction rate is 满意 and 基本满意 over all ratings', () => {
    const at = parseShanghai('2026-05-02');
    const folded = foldEntries(['satisfied', 'satisfied', 'basic', 'dissatisfied'].map((level) => entry('consultation.rate', at, { after: level })), rules);
    const r = readerOf(sumRollups([...folded.months.values()].map((m) => m.rollup)));
    expect(satisfactionRate(r, 'c')).toBe(0.75);
    expect(satisfactionRate(r, 'rated')).toBe(0.75);
  });
});

describe('the dashboard view', () => {
  const group: StatSpec = {
    title: '微心愿',
    measures: [],
    figures: [{ key: 'submitted', label: '提交心愿', format: 'count', value: (m) => m.sum('submitted'), trend: true }],
  };
  const month = (communityId: string, m: string, submitted: number): MonthDoc => ({
    _id: `${communityId}:${m}`,
    communityId,
    month: m,
    sums: { submitted, kind_wish: submitted },
    dists: {},
    samples: {},
    sampledAt: null,
  });
  const uniques = (communityId: string, period: string, all: number): UniquesDoc => ({ _id: `${communityId}:${period}`, communityId, period, counts: { all, wish: all } });
  const quarter = resolvePeriod('quarter', parseShanghai('2026-05-15'));

  test('the street is its communities summed, month by month, each community beside the others', () => {
    const view = dashboardView({
      communityId: null,
      period: quarter,
      groups: [group],
      months: [month('c_a', '2026-04', 2), month('c_a', '2026-05', 3), month('c_b', '2026-05', 4)],
      uniques: [uniques('c_a', '2026-Q2', 4), uniques('c_b', '2026-Q2', 3), uniques('c_a', '2026-05', 2), uniques('c_b', '2026-05', 3)],
      foldedUpTo: 1,
    });
    expect(view.groups[0].figures[0].value).toBe(9);
    expect(view.groups[0].trends[0].values).toEqual([
      { month: '2026-04', value: 2 },
      { month: '2026-05', value: 7 },
      { month: '2026-06', value: 0 },
    ]);
    expect(view.participants.unique).toBe(7);
    expect(view.participants.byMonth.map((m) => m.unique)).toEqual([0, 5, 0]);
    expect(view.communities).toEqual([
      { communityId: 'c_a', participants: 4, actions: 5 },
      { communityId: 'c_b', participants: 3, actions: 4 },
    ]);
  });

  test('a community with nothing in the period reads zeros and no unique count is invented for a custom span', () => {
    const custom = resolvePeriod('custom', parseShanghai('2026-05-15'), { from: '2026-02', to: '2026-03' });
    const view = dashboardView({ communityId: 'c_a', period: custom, groups: [group], months: [], uniques: [], foldedUpTo: null });
    expect(view.groups[0].figures[0].value).toBe(0);
    expect(view.participants).toMatchObject({ unique: null, byMonth: [{ month: '2026-02', unique: 0, actions: 0 }, { month: '2026-03', unique: 0, actions: 0 }] });
    expect(view.participants.note).toContain('无法去重');
    expect(view.communities).toEqual([]);
  });
});

describe('figures in words', () => {
  test('a rate, money, days and counts read as people write them; nothing to measure reads —', () => {
    expect(formatFigure(0.947, 'percent')).toBe('94.7%');
    expect(formatFigure(1, 'percent')).toBe('100.0%');
    expect(formatFigure(1234567, 'yuan')).toBe('¥1,234,567');
    expect(formatFigure(2.5, 'days')).toBe('2.5天');
    expect(formatFigure(7012, 'count')).toBe('7,012');
    expect(formatFigure(null, 'percent')).toBe('—');
    expect(monthLabel('2026-03', false)).toBe('3月');
    expect(monthLabel('2025-11', true)).toBe('2025年11月');
  });
});
