import type { TextChecker } from './content';
import type { FileStorage } from './files';
import type { Store } from './store/port';

export interface RequestMetrics {
  fn: string;
  action: string;
  code: string;
  reads: number;
  writes: number;
  ms: number;
}

/** One WeChat subscription message, its fields already cut to WeChat's limits. */
export interface SubscriptionMessage {
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat's answer; `code` is its errCode, or null when no answer came (a timeout, a dropped connection). */
export type SubscriptionResult = { ok: true } | { ok: false; code: number | null; message: string };

/** What a function needs from its surroundings: CloudBase in production, the local cloud here. */
export interface Runtime {
  store: Store;
  checkText: TextChecker;
  /** The caller's OPENID from the platform context. Never read from the event payload. */
  identify(context: unknown): string | null;
  /**
   * Whether the platform itself started this invocation from a timer trigger, judged from `context` (which only the
   * platform fills in). Left out, nothing is ever taken for the timer.
   */
  isTimer?(context: unknown, event: unknown): boolean;
  now(): number;
  /** Create and user-text requests allowed per OPENID per minute; RATE_LIMIT_PER_MINUTE when unset. */
  rateLimitPerMinute?: number;
  log(level: 'info' | 'error', message: string, detail?: Record<string, unknown>): void;
  onRequest?(metrics: RequestMetrics): void;
  /** Sends a subscription message through WeChat. Absent in the local cloud: nothing leaves a laptop. */
  sendSubscription?(message: SubscriptionMessage): Promise<SubscriptionResult>;
  /** A mini-program code (PNG) opening `page` with `scene`, from WeChat's `wxacode.getUnlimited`. Absent locally: a plain QR stands in. */
  miniProgramCode?(request: { scene: string; page: string }): Promise<Buffer>;
  /** Where generated files (exports) go: cloud storage, or the local cloud's upload store. Absent, exports are refused. */
  files?: FileStorage;
}

export const consoleLog: Runtime['log'] = (level, message, detail) => {
  const line = JSON.stringify({ level, message, ...detail });
  if (level === 'error') console.error(line);
  else console.log(line);
};
