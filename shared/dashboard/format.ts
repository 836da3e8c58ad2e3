import type { FigureFormat } from '../contract/dashboard';

/** Thousands grouped by hand: `toLocaleString` is missing or different on some WeChat runtimes. */
function grouped(n: number): string {
  const [whole, part] = String(Math.abs(n)).split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${digits}${part ? `.${part}` : ''}`;
}

/** A figure as people read it; — when there is nothing to measure (no ratings: no rate). */
export function formatFigure(value: number | null, format: FigureFormat): string {
  if (value === null) return '—';
  switch (format) {
    case 'percent':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
    case 'yuan':
      return `¥${grouped(Math.round(value))}`;
    case 'days':
      return `${Math.round(value * 10) / 10}天`;
    case 'decimal':
      return grouped(Math.round(value * 10) / 10);
    default:
      return grouped(value);
  }
}

/** `2026-11` → 11月, or 2025年11月 when the period runs over more than one year. */
export function monthLabel(month: string, withYear: boolean): string {
  const m = `${Number(month.slice(5, 7))}月`;
  return withYear ? `${month.slice(0, 4)}年${m}` : m;
}
