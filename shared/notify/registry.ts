import { CONSULTATION_EVENTS } from '../consultation/notifications';
import type { EventSpec } from './events';

/** Every module's notification events. A module adds its list here. */
export const NOTIFY_EVENTS: EventSpec[] = [...CONSULTATION_EVENTS];

export function eventNamed(name: string): EventSpec | undefined {
  return NOTIFY_EVENTS.find((e) => e.name === name);
}

/** The distinct template keys, in declaration order. */
export function templateKeys(): string[] {
  return [...new Set(NOTIFY_EVENTS.map((e) => e.template.key))];
}
