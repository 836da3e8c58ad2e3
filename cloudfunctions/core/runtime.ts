import type { TextChecker } from './content';
import type { Store } from './store/port';

export interface RequestMetrics {
  fn: string;
  action: string;
  code: string;
  reads: number;
  writes: number;
  ms: number;
}

/** What a function needs from its surroundings: CloudBase in production, the local cloud here. */
export interface Runtime {
  store: Store;
  checkText: TextChecker;
  /** The caller's OPENID from the platform context. Never read from the event payload. */
  identify(context: unknown): string | null;
  now(): number;
  /** Create and user-text requests allowed per OPENID per minute; RATE_LIMIT_PER_MINUTE when unset. */
  rateLimitPerMinute?: number;
  log(level: 'info' | 'error', message: string, detail?: Record<string, unknown>): void;
  onRequest?(metrics: RequestMetrics): void;
}

export const consoleLog: Runtime['log'] = (level, message, detail) => {
  const line = JSON.stringify({ level, message, ...detail });
  if (level === 'error') console.error(line);
  else console.log(line);
};
