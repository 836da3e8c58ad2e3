import type { ActionSpec } from '@shared/contract';
import { countRequest, isCounted } from './rate-limit';
import { openRequestKey } from './request-keys';
import type { HandlerContext } from './router';
import type { Runtime } from './runtime';
import type { Store } from './store/port';

export interface Guard {
  /** The first request's result, when this one repeats its request key: answer it and run nothing. */
  replay: { result: unknown } | null;
  /** Runs the handler, on a store that records the request key in the handler's own transaction. */
  run<R>(ctx: HandlerContext, handler: (ctx: HandlerContext) => Promise<R>): Promise<R>;
}

const unkeyed: Guard = { replay: null, run: (ctx, handler) => handler(ctx) };

/**
 * What stands between the permission check and the handler against retries and floods: a repeated request key
 * is answered with its first result, and only then is the request counted against the caller's minute, so a
 * retry is never refused for the attempts before it. Keys are per caller, so a call with no OPENID has none.
 */
export async function guardRequest(
  store: Store,
  runtime: Runtime,
  request: { spec: ActionSpec; openid: string | null; action: string; requestKey: string | null; input: unknown },
): Promise<Guard> {
  const { spec, openid, requestKey } = request;
  const keyed = requestKey && openid ? await openRequestKey(store, { openid, action: request.action, key: requestKey, now: () => runtime.now() }) : null;
  if (keyed?.replay) return { replay: keyed.replay, run: unkeyed.run };
  if (isCounted(spec, request.input, openid)) await countRequest(store, openid, runtime.now(), runtime.rateLimitPerMinute);
  if (!keyed) return unkeyed;
  return { replay: null, run: (ctx, handler) => keyed.run(() => handler({ ...ctx, store: keyed.store })) };
}
