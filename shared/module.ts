import type { z } from 'zod';
import type { ModuleContract } from './contract/action';
import type { EventSpec } from './events';

/**
 * The half of a module's manifest that the app and the functions share: its contract, its community settings,
 * the notice categories its workflows publish under, how its audit entries read on timelines, and the events it
 * tells people about. The functions' half (`cloudfunctions/<module>/module.ts`) adds collections, personal data,
 * jobs, stats and exports.
 */
export interface SharedModule<N extends string = string, C extends ModuleContract = ModuleContract> {
  /** The module's name: its cloud function, its folders, and its key in community settings. */
  name: N;
  contract: C;
  /** Per-community settings, kept under `settings[name]`; anything not set reads as the default. */
  settings?: ModuleSettings;
  /** Notice categories this module's workflows publish under. */
  noticeCategories?: readonly string[];
  /** How each of its audited actions reads on a timeline (action → words). */
  auditLabels?: Readonly<Record<string, string>>;
  /** The notifications it sends (`shared/events.ts`), in the order the preferences page lists them. */
  events?: readonly EventSpec[];
  /**
   * What a verified resident can do in it, in a few plain words (提意见、附议). The residency page promises
   * exactly what the registered modules offer, so the words change as modules come.
   */
  residentsCan?: string;
}

export interface ModuleSettings<S extends z.ZodRawShape = z.ZodRawShape> {
  /** Every setting, each with its Chinese field messages; updates may name any subset. */
  schema: z.ZodObject<S>;
  defaults: z.infer<z.ZodObject<S>>;
  /** The group's heading on the settings page (居民议事厅). */
  title?: string;
  /** How each setting reads on the settings page, which lists every module's settings without naming any. */
  labels?: { readonly [K in keyof S]?: SettingLabel };
}

/** A setting in words: what it is, what it changes, its unit, and the words for each choice. */
export interface SettingLabel {
  label: string;
  hint?: string;
  /** After a number: 天, 小时. */
  unit?: string;
  /** For a yes/no setting or a choice: the words for each value (`true`/`false` for yes/no). */
  options?: Readonly<Record<string, string>>;
}

/** Declares a module's shared half, keeping its name and contract types for the typed client. */
export function defineModule<const N extends string, C extends ModuleContract>(module: SharedModule<N, C>): SharedModule<N, C> {
  return module;
}

/** A community's settings for one module, with the defaults for anything never set. */
export function settingsFor<S extends z.ZodRawShape>(settings: unknown, name: string, declared: ModuleSettings<S>): z.infer<z.ZodObject<S>> {
  const stored = (settings as Record<string, unknown> | null | undefined)?.[name];
  return { ...declared.defaults, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}
