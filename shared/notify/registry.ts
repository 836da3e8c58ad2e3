import type { EventSpec } from '../events';
import type { SharedModule } from '../module';
import { MODULES } from '../modules';

/**
 * Every event any module declares on its manifest, in module order. Read when asked, not when this file loads:
 * the module list imports the modules, and one of them is this one.
 */
export function notifyEvents(): readonly EventSpec[] {
  return (MODULES as readonly SharedModule[]).flatMap((m) => m.events ?? []);
}

export function eventOfType(type: string): EventSpec | undefined {
  return notifyEvents().find((e) => e.type === type);
}

/** The distinct template keys, in declaration order. */
export function templateKeys(): string[] {
  return [...new Set(notifyEvents().map((e) => e.template.key))];
}

/** The environment variable holding a template's id. */
export function templateEnvName(key: string): string {
  return `WX_TEMPLATE_${key}`;
}
