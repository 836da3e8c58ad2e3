import * as tcb from '@cloudbase/node-sdk';
import { wechatTextChecker } from './content-wechat';
import { cloudbaseFileStorage } from './files-cloudbase';
import { consoleLog, type Runtime } from './runtime';
import { CloudBaseStore } from './store/cloudbase';
import { wechatSubscriptionSender } from './subscription-wechat';
import { wechatMiniProgramCode } from './wxacode-wechat';
import type { Doc, Filter, Page, Patch, QueryOptions, Store, TxStore, UpdateOptions } from './store/port';

/**
 * Makes the CloudBase adapter on first use. The router wraps the store before it knows whether the request will
 * reach the database at all (most refusals never do), and `tcb.init` is the work a cold start should skip.
 */
class LazyStore implements Store {
  private inner: Store | null = null;

  constructor(private readonly make: () => Store) {}

  private get store(): Store {
    return (this.inner ??= this.make());
  }

  get<T extends Doc = Doc>(c: string, id: string): Promise<T | null> {
    return this.store.get<T>(c, id);
  }
  create<T extends Doc>(c: string, doc: T): Promise<void> {
    return this.store.create(c, doc);
  }
  update(c: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean> {
    return this.store.update(c, id, patch, options);
  }
  remove(c: string, id: string): Promise<boolean> {
    return this.store.remove(c, id);
  }
  query<T extends Doc = Doc>(c: string, options?: QueryOptions): Promise<Page<T>> {
    return this.store.query<T>(c, options);
  }
  count(c: string, where?: Filter): Promise<number> {
    return this.store.count(c, where);
  }
  transaction<R>(fn: (tx: TxStore) => Promise<R>): Promise<R> {
    return this.store.transaction(fn);
  }
}

/**
 * The variables CloudBase put in this invocation's own context, or null when it cannot be parsed (an empty
 * context, a local `require`). Never `getCloudbaseContext`: for every WX_* key the context lacks it falls back to
 * `process.env`, and a warm instance may still hold the previous caller's there.
 */
function contextVariables(context: unknown): Record<string, unknown> | null {
  if (context === null || typeof context !== 'object') return null;
  try {
    const parsed = tcb.parseContext(context as Parameters<typeof tcb.parseContext>[0]) as {
      environment?: Record<string, unknown>;
      environ?: Record<string, unknown>;
    };
    return parsed.environment ?? parsed.environ ?? {};
  } catch {
    return null;
  }
}

/**
 * The caller's OPENID from the invocation context, as CloudBase puts it there for calls from the mini-program.
 * No parsable context means nobody signed in, so the answer is null and the router refuses anything that needs a user.
 */
export function openidFromContext(context: unknown): string | null {
  const openid = contextVariables(context)?.WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/**
 * Whether CloudBase started this invocation from a timer trigger. The platform names the source in `TRIGGER_SRC`
 * ('timer' for a timer; the node SDK picks its WeChat token by the same test). It is read from the invocation's
 * context first; only when the context does not carry it, from `process.env`, where the platform sets it for every
 * invocation, so a warm instance cannot keep a stale one the way it can keep a WX_OPENID that a timer lacks.
 * An unparsable context, or one with an OPENID, is never the timer.
 */
export function timerFromContext(context: unknown): boolean {
  const variables = contextVariables(context);
  if (!variables || openidFromContext(context)) return false;
  const source = variables.TRIGGER_SRC ?? process.env.TRIGGER_SRC;
  return source === 'timer';
}

let runtime: Runtime | null = null;

/** The production runtime, made on the first invocation and kept for the warm ones after it. */
export function cloudbaseRuntime(): Runtime {
  return (runtime ??= {
    store: new LazyStore(() => new CloudBaseStore()),
    checkText: wechatTextChecker(),
    identify: openidFromContext,
    isTimer: timerFromContext,
    now: () => Date.now(),
    log: consoleLog,
    sendSubscription: wechatSubscriptionSender(),
    miniProgramCode: wechatMiniProgramCode(),
    files: cloudbaseFileStorage(),
  });
}
