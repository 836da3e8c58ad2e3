import { parseShanghai, shanghai } from '../time';

/** `YYYY-MM`: a Shanghai calendar month, the unit every rollup is kept in. */
export type MonthKey = string;

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export const PERIOD_LABELS: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' };

/** The Shanghai month a timestamp falls in: 2026-11-30 16:30 UTC is already `2026-12`. */
export function monthOf(ts: number): MonthKey {
  return shanghai(ts).format('YYYY-MM');
}

export function quarterOf(month: MonthKey): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export function yearOf(month: MonthKey): string {
  return month.slice(0, 4);
}

/** The three periods whose unique participants are kept: the month, its quarter and its year. */
export function uniquePeriodsOf(month: MonthKey): [string, string, string] {
  return [month, quarterOf(month), yearOf(month)];
}

/** Midnight (Shanghai) on the first of the month. */
export function monthStart(month: MonthKey): number {
  return parseShanghai(`${month}-01`);
}

export function nextMonth(month: MonthKey): MonthKey {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = from; m <= to && months.length < 240; m = nextMonth(m)) months.push(m);
  return months;
}

export interface ResolvedPeriod {
  kind: PeriodKind;
  /** 2026年11月, 2026年第4季度, 2026年, 2026年3月—2026年8月. */
  label: string;
  months: MonthKey[];
  /**
   * The kept period whose unique participants answer for the whole of it (`2026-11`, `2026-Q4`, `2026`), or null:
   * a custom span that is not exactly a month, quarter or year has no unique count of its own (a month's
   * participants are not the sum of its days, nor a span's the sum of its months).
   */
  uniqueKey: string | null;
}

const monthWords = (m: MonthKey) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

/** The months a period covers, as of `now` in Shanghai. A custom period is a span of whole months. */
export function resolvePeriod(kind: PeriodKind, now: number, custom?: { from: MonthKey; to: MonthKey }): ResolvedPeriod {
  const month = monthOf(now);
  const year = yearOf(month);
  if (kind === 'month') return { kind, label: monthWords(month), months: [month], uniqueKey: month };
  if (kind === 'quarter') {
    const q = quarterOf(month);
    const firstMonth = (Number(q.slice(-1)) - 1) * 3 + 1;
    const at = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
    return { kind, label: `${year}年第${q.slice(-1)}季度`, months: monthsBetween(at(firstMonth), at(firstMonth + 2)), uniqueKey: q };
  }
  if (kind === 'year') return { kind, label: `${year}年`, months: monthsBetween(`${year}-01`, `${year}-12`), uniqueKey: year };
  const { from, to } = custom ?? { from: month, to: month };
  const months = monthsBetween(from, to);
  return { kind, label: from === to ? monthWords(from) : `${monthWords(from)}—${monthWords(to)}`, months, uniqueKey: keptPeriodOf(months) };
}

/** The kept period that is exactly these months, if there is one. */
function keptPeriodOf(months: MonthKey[]): string | null {
  if (months.length === 1) return months[0];
  const first = months[0];
  if (months.length === 3 && (Number(first.slice(5)) - 1) % 3 === 0) return quarterOf(first);
  if (months.length === 12 && first.endsWith('-01')) return yearOf(first);
  return null;
}
