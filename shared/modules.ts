/**
 * Every module, once. The contract the client and the router are built from, the notice categories, the
 * community settings and the timeline words all come from this list. Adding a module: its folders, one line
 * here, one in `cloudfunctions/modules.ts`, and its subpackage in `miniprogram/src/app.config.ts`.
 */
import { budgetModule } from './budget/module';
import { consultationModule } from './consultation/module';
import { cronContract } from './contract/cron';
import { dashboardModule } from './dashboard/module';
import type { CommunitySettings } from './contract/user';
import { parseInput } from './contract/zod-zh';
import { settingsFor, type ModuleSettings, type SharedModule } from './module';
import { noticeModule } from './notice/module';
import { notifyModule } from './notify/module';
import { roomModule } from './room/module';
import { userModule } from './user/module';
import { wishModule } from './wish/module';

export const MODULES = [userModule, noticeModule, consultationModule, notifyModule, budgetModule, wishModule, roomModule, dashboardModule] as const;

type Modules = (typeof MODULES)[number];

/**
 * The platform's own functions, which belong to no module: `cron`, started by its timer trigger, whose one action
 * every client is refused. They are served, built and typed like a module's function, so they are in the contract.
 */
export const PLATFORM_CONTRACTS = { cron: cronContract } as const;

/** Every cloud function and its actions: each module's by its name, then the platform's. */
export const contract = {
  ...Object.fromEntries(MODULES.map((m) => [m.name, m.contract])),
  ...PLATFORM_CONTRACTS,
} as { [M in Modules as M['name']]: M['contract'] } & typeof PLATFORM_CONTRACTS;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;

/** The categories a notice may have: the notice module's own and those other modules' workflows publish under. */
export const NOTICE_CATEGORIES: readonly string[] = MODULES.flatMap((m: SharedModule) => m.noticeCategories ?? []);

/** How an audited action reads on timelines and in the audit trail; the action itself when no module says. */
export function auditLabel(action: string): string {
  for (const m of MODULES as readonly SharedModule[]) {
    const label = m.auditLabels?.[action];
    if (label) return label;
  }
  return action;
}

/** Modules with community settings, by name. */
export const MODULE_SETTINGS: Readonly<Record<string, ModuleSettings>> = Object.fromEntries(
  (MODULES as readonly SharedModule[]).flatMap((m) => (m.settings ? [[m.name, m.settings]] : [])),
);

/** Every module's settings for a community, with defaults for anything never set. */
export function communitySettings(stored: unknown): CommunitySettings {
  return Object.fromEntries(Object.entries(MODULE_SETTINGS).map(([name, declared]) => [name, settingsFor(stored, name, declared)]));
}

/**
 * Checks changes to a community's settings against what each module declares: only known groups and fields,
 * each valid. Field messages are keyed `settings.<module>.<field>`, as the form names them.
 */
export function checkSettingsChanges(changes: Record<string, Record<string, unknown>>): { ok: true } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const [name, values] of Object.entries(changes)) {
    const declared = MODULE_SETTINGS[name];
    if (!declared) {
      fields[`settings.${name}`] = '没有这一项设置';
      continue;
    }
    const parsed = parseInput(declared.schema.partial().strict(), values);
    if (!parsed.ok) for (const [path, message] of Object.entries(parsed.fields)) fields[`settings.${name}.${path}`] = message;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true };
}

/** What verification opens to a resident, in the words of each registered module that offers something. */
export const RESIDENT_ABILITIES: readonly string[] = (MODULES as readonly SharedModule[]).flatMap((m) => (m.residentsCan ? [m.residentsCan] : []));
