import type { CloudEvent } from './router';
import type { Runtime } from './runtime';

/**
 * What CloudBase (SCF) hands a function when a timer trigger fires: `{ Type: 'Timer', TriggerName, Time }`.
 * A client can send the same fields, so the shape alone proves nothing; see `isTimerInvocation`.
 */
export interface TimerEvent extends CloudEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  if (event === null || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' && e.TriggerName.length > 0 && typeof e.Time === 'string';
}

export function timerEvent(triggerName: string, at: number): TimerEvent {
  return { Type: 'Timer', TriggerName: triggerName, Time: new Date(at).toISOString() };
}

/**
 * Whether this invocation came from the timer trigger. All three must hold: nobody signed in, a trigger-shaped
 * event, and the runtime's own word, which it takes from the platform's context and never from the payload.
 * A runtime that cannot tell says nothing, and then no invocation counts as the timer.
 */
export function isTimerInvocation(runtime: Runtime, event: unknown, context: unknown, openid: string | null): boolean {
  return openid === null && isTimerEvent(event) && runtime.isTimer?.(context, event) === true;
}
