import type { FoldRules } from '@shared/dashboard/rollup';
import type { ExportSpec, StatSpec } from '../core/module';
import { MODULES } from '../modules';

/**
 * What the modules declare, read from the module list when asked (the list holds this module too, so it is not
 * read at load time). The dashboard knows modules only through these.
 */
export function statGroups(): StatSpec[] {
  return MODULES.flatMap((m) => m.stats ?? []);
}

export function foldRules(): FoldRules {
  return {
    measures: statGroups().flatMap((g) => g.measures),
    participation: Object.assign({}, ...MODULES.map((m) => m.participation ?? {})),
  };
}

export function declaredExports(): ExportSpec[] {
  return MODULES.flatMap((m) => m.exports ?? []);
}

