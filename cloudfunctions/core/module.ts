import type { ParticipationKind } from '@shared/dashboard/kinds';
import type { FoldMeasure, readerOf } from '@shared/dashboard/rollup';
import type { SharedModule } from '@shared/module';
import type { Job } from './jobs';
import type { CloudFunction } from './router';
import type { IndexSpec } from './store/schema';
import type { Store } from './store/port';

/** What a module holds about one person, for the privacy export and account deletion (个人信息保护法). */
export interface PersonalData {
  /** The person's records, by collection, for `user.exportMyData`. */
  export(store: Store, userId: string): Promise<Record<string, unknown[]>>;
  /** On deletion: what stays on record (counts, timelines) stops naming the person. */
  erase?(store: Store, userId: string): Promise<void>;
}

/**
 * A number the dashboard's cron folds from audit entries into monthly rollups per community. Each entry of one of
 * `actions` adds what `value` says (1 when there is no `value`; nothing when it says null). `distribution` also
 * keeps how often each value came, so a period's median can be read from the month rollups summed.
 */
export type Measure = FoldMeasure;

/**
 * A number a module samples from its own documents for one community and one Shanghai month, because what it counts
 * changes without an audit entry (a notice's readers). The cron re-samples the current and the previous month; the
 * values are kept as a distribution for the month.
 */
export interface Sample {
  key: string;
  values(store: Store, communityId: string, from: number, to: number): Promise<number[]>;
}

/** What a figure is made from: the sums, medians and distribution totals of the measures over the period and place. */
export type MeasureReader = ReturnType<typeof readerOf>;

/** A figure on the dashboard. `format` says how it reads; `trend` puts its month-by-month values in its group's chart. */
export interface Figure {
  key: string;
  label: string;
  format: 'count' | 'yuan' | 'days' | 'percent' | 'decimal';
  value(m: MeasureReader): number | null;
  trend?: boolean;
  /** The words under the figure: where it comes from, what it leaves out. */
  note?: string;
}

/** A module's group of figures on the staff dashboard, read from rollups the dashboard's cron keeps. */
export interface StatSpec {
  /** The group's heading (微心愿). */
  title: string;
  measures: readonly Measure[];
  samples?: readonly Sample[];
  figures: readonly Figure[];
}

/** A column of a declared export: heading, width, and a number format for numbers. */
export interface ExportColumn {
  key: string;
  header: string;
  width?: number;
  numFmt?: string;
}

/**
 * A list staff can download as a spreadsheet. `rows` pages through the module's own collection for one community,
 * a page at a time, so an export of any size holds one page in memory besides the workbook. `personal`: the rows
 * name residents, so only the community's own staff may export it, never the street.
 */
export interface ExportSpec {
  key: string;
  label: string;
  personal: boolean;
  columns: readonly ExportColumn[];
  rows(store: Store, communityId: string): AsyncIterable<Record<string, unknown>[]>;
}

/**
 * The functions' half of a module's manifest. With its shared half it is everything the platform needs to
 * know: core, the build, the indexes and the tests read it from `cloudfunctions/modules.ts` and never name
 * a module themselves.
 */
export interface ServerModule {
  shared: SharedModule;
  /** Its cloud function, named after the module. */
  fn: CloudFunction;
  /** Its collections and their indexes; no two modules share a collection. */
  collections: Record<string, IndexSpec[]>;
  personalData?: PersonalData;
  /** Its timed work, which the `cron` function runs in this order, every module's in the order of `MODULES`. */
  jobs?: readonly Job[];
  /** Which of its audited actions are a resident taking part, and of what kind (the dashboard's participants). */
  participation?: Readonly<Record<string, ParticipationKind>>;
  /** Its figures on the staff dashboard. */
  stats?: readonly StatSpec[];
  /** The lists staff may download as spreadsheets. */
  exports?: readonly ExportSpec[];
}

export function defineServerModule(module: ServerModule): ServerModule {
  return module;
}
