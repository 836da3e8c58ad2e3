import { wordListChecker } from '../cloudfunctions/core/content';
import { consoleLog, type Runtime } from '../cloudfunctions/core/runtime';
import type { Store } from '../cloudfunctions/core/store/port';

/** The gateway hands functions the same shape of context CloudBase does, with the signed-in OPENID. */
export interface LocalContext {
  WX_OPENID?: string;
}

/**
 * The context the local cloud's own timer (and `dev/tick`) invokes with. The gateway builds a fresh object for
 * every HTTP request, so only this one object, compared by identity, marks a timer run: no request can forge it.
 */
export const TIMER_CONTEXT: LocalContext = Object.freeze({});

export function localRuntime(store: Store, overrides: Partial<Runtime> = {}): Runtime {
  return {
    store,
    checkText: wordListChecker(),
    identify: (context) => (context as LocalContext | undefined)?.WX_OPENID ?? null,
    isTimer: (context) => context === TIMER_CONTEXT,
    now: () => Date.now(),
    log: consoleLog,
    ...overrides,
  };
}
