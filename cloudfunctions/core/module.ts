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

/** The period and place a dashboard figure or export covers; `communityId` null is the whole street. */
export interface StatScope {
  communityId: string | null;
  from: number;
  to: number;
}

/** A figure for the staff dashboard, read from counters or rollups the module keeps. */
export interface StatSpec {
  key: string;
  label: string;
  compute(store: Store, scope: StatScope): Promise<number>;
}

/** A list staff can download as a spreadsheet, page by page. */
export interface ExportSpec {
  key: string;
  label: string;
  columns: { key: string; label: string }[];
  rows(store: Store, scope: StatScope): AsyncIterable<Record<string, unknown>>;
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
  stats?: readonly StatSpec[];
  exports?: readonly ExportSpec[];
  /** Its timed work, which the `cron` function runs in module order. */
  jobs?: readonly Job[];
}

export function defineServerModule(module: ServerModule): ServerModule {
  return module;
}
