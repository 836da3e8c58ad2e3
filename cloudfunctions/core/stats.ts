import { rate, type FoldEntry } from '@shared/dashboard/rollup';
import type { Measure } from './module';

/** A number field of an audit entry's `after` (or `before`), or null when it was not recorded. */
export function recorded(entry: FoldEntry, field: string, side: 'after' | 'before' = 'after'): number | null {
  const value = (entry[side] as Record<string, unknown> | null)?.[field];
  return typeof value === 'number' ? value : null;
}

/** 1 when the entry's `after` holds `value` in `field` (a step reached, an outcome), else nothing. */
export function when(field: string, value: unknown) {
  return (entry: FoldEntry) => ((entry.after as Record<string, unknown> | null)?.[field] === value ? 1 : null);
}

export const RATING_LEVELS = ['satisfied', 'basic', 'dissatisfied'] as const;

/**
 * Satisfaction ratings, kept under the same three keys by every module that asks residents to rate (a consultation,
 * a 创享计划 project), so the dashboard's 满意度 adds them up without naming the modules. The entry's `after` is the
 * level. Each is also kept under the module's own `<prefix>_<level>`, for the module's own rate.
 */
export function ratingMeasures(prefix: string, actions: readonly string[]): Measure[] {
  return RATING_LEVELS.flatMap((level) => {
    const value = (e: FoldEntry) => (e.after === level ? 1 : null);
    return [
      { key: `rated_${level}`, actions, value },
      { key: `${prefix}_${level}`, actions, value },
    ];
  });
}

/** 满意 and 基本满意 over every rating under `prefix`; null when nobody rated. */
export function satisfactionRate(m: { sum(key: string): number }, prefix: string): number | null {
  const [satisfied, basic, dissatisfied] = RATING_LEVELS.map((level) => m.sum(`${prefix}_${level}`));
  return rate(satisfied + basic, satisfied + basic + dissatisfied);
}
