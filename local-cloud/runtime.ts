import { wordListChecker } from '../cloudfunctions/core/content';
import { consoleLog, type Runtime } from '../cloudfunctions/core/runtime';
import type { Store } from '../cloudfunctions/core/store/port';

/** The gateway hands functions the same shape of context CloudBase does, with the signed-in OPENID. */
export interface LocalContext {
  WX_OPENID?: string;
}

export function localRuntime(store: Store, overrides: Partial<Runtime> = {}): Runtime {
  return {
    store,
    checkText: wordListChecker(),
    identify: (context) => (context as LocalContext | undefined)?.WX_OPENID ?? null,
    now: () => Date.now(),
    log: consoleLog,
    ...overrides,
  };
}
