import { AppError, ERROR_MESSAGES, type ApiError, type Envelope } from '@shared/errors';
import { parseInput, ROLE_LABELS, type ActionSpec, type ModuleContract, type OutputOf, type ParsedInputOf, type Role, type TargetCollectionOf } from '@shared/contract';
import { getPath } from './store/documents';
import { appendAudit, type AuditInput } from './audit';
import { hasRole, loadCaller, roleIn, type Caller } from './caller';
import { userTextFields } from './content';
import { newRequestId } from './ids';
import { guardRequest } from './request-guard';
import { takeRequestKey } from './request-keys';
import { isTimerInvocation } from './timer';
import type { Runtime } from './runtime';
import { CountingStore } from './store/counting';
import { BadCursorError, DuplicateError, type Doc, type Store, type TxStore } from './store/port';

/**
 * Which document type each collection holds. Each module adds its own collections where it defines their
 * documents (`declare module '../core/router' { interface CollectionDocs { notices: NoticeDoc } }`), so an
 * action whose permission names `target: { collection: 'notices' }` hands its handler a typed `ctx.target`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface CollectionDocs {}

/** The handler's `ctx.target`: the named collection's document, or null for an action with no target. */
export type TargetOf<A> = [TargetCollectionOf<A>] extends [never]
  ? null
  : TargetCollectionOf<A> extends keyof CollectionDocs
    ? CollectionDocs[TargetCollectionOf<A>]
    : Doc & Record<string, unknown>;

export interface HandlerContext<T = unknown> {
  caller: Caller;
  store: Store;
  runtime: Runtime;
  requestId: string;
  now: number;
  /** The document the permission named (`permission.target`), as loaded for the check. */
  target: T;
  /** Records an audit entry inside `tx` (sealed into the community's chain later), filling in actor, time and request id. */
  audit(tx: TxStore, entry: Omit<AuditInput, 'actorId' | 'actorRole' | 'at' | 'requestId' | 'note'> & { note?: string | null }): Promise<void>;
  /**
   * Work to do once the handler has returned and its transactions have committed: a transaction may run more than
   * once, so nothing beyond its own writes may happen inside one. A failure is logged, never answered (the cron
   * catches up). Absent in a context made by hand, where whoever made it does that work.
   */
  afterCommit?(job: () => Promise<void>): void;
}

export type Handler<A> = (input: ParsedInputOf<A>, ctx: HandlerContext<TargetOf<A>>) => Promise<OutputOf<A>>;
/** What the router calls once the input has been checked against the action's own schema and permission. */
type AnyHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>;

export type Handlers<M extends ModuleContract> = { [K in keyof M]: Handler<M[K]> };

export interface CloudEvent {
  action?: unknown;
  data?: unknown;
}

export type CloudFunction = (runtime: Runtime, event: CloudEvent, context: unknown) => Promise<Envelope<unknown>>;

/**
 * One cloud function: resolve the caller, validate, check the declared permission, answer a repeated request key
 * or count the request against its caller's rate limit (request-guard.ts), check user text, run the handler,
 * wrap the result. Nothing is thrown to the platform.
 */
export function defineFunction<M extends ModuleContract>(name: string, contract: M, handlers: Handlers<M>): CloudFunction {
  return async (runtime, event, context) => {
    const requestId = newRequestId();
    const started = Date.now();
    const store = new CountingStore(runtime.store);
    const action = typeof event?.action === 'string' ? event.action : '';
    let envelope: Envelope<unknown>;
    try {
      const spec = Object.prototype.hasOwnProperty.call(contract, action) ? contract[action] : undefined;
      if (!spec) throw new AppError('NOT_FOUND', `未知的操作：${action.slice(0, 40) || '（空）'}`);
      const data = await handle(spec, handlers[action] as unknown as AnyHandler, { runtime, store, requestId, event, context, action: `${name}.${action}` });
      envelope = { ok: true, data };
    } catch (error) {
      envelope = { ok: false, error: toApiError(error, requestId, runtime, `${name}.${action}`) };
    }
    runtime.onRequest?.({
      fn: name,
      action,
      code: envelope.ok ? 'OK' : envelope.error.code,
      reads: store.ops.reads,
      writes: store.ops.writes,
      ms: Date.now() - started,
    });
    return envelope;
  };
}

async function handle(
  spec: ActionSpec,
  handler: AnyHandler,
  req: { runtime: Runtime; store: CountingStore; requestId: string; event: CloudEvent; context: unknown; action: string },
): Promise<unknown> {
  const { runtime, store, requestId } = req;
  const openid = runtime.identify(req.context);
  const system = spec.permission.allow === 'system';
  if (system && !isTimerInvocation(runtime, req.event, req.context, openid)) throw new AppError('FORBIDDEN', SYSTEM_ONLY_MESSAGE);
  if (!system && spec.permission.allow !== 'anyone' && !openid) throw new AppError('UNAUTHENTICATED');
  const caller = await loadCaller(store, openid);

  const { requestKey, data } = takeRequestKey(spec, req.event.data ?? {});
  const parsed = parseInput(spec.input, data);
  if (!parsed.ok) throw new AppError('VALIDATION', firstMessage(parsed.fields), parsed.fields);
  const input = parsed.value as Record<string, unknown>;

  const target = await authorize(spec, caller, input, store);
  const guard = await guardRequest(store, runtime, { spec, openid, action: req.action, requestKey, input });
  if (guard.replay) return guard.replay.result;

  for (const field of userTextFields(spec.input, input)) {
    const verdict = await runtime.checkText(field.text, { openid, scene: 2 });
    if (verdict === true) continue;
    // Name what was refused when the checker knows, so the person knows what to change.
    const what = typeof verdict === 'object' ? `“${verdict.refused}”` : '不当内容';
    throw new AppError('CONTENT_REJECTED', `${field.label}含有${what}，请修改后再提交`, {
      [field.path]: `含有${what}，请修改`,
    });
  }

  const now = runtime.now();
  const afterwards: (() => Promise<void>)[] = [];
  const ctx: HandlerContext = {
    caller,
    store,
    runtime,
    requestId,
    now,
    target,
    audit: async (tx, entry) => {
      await appendAudit(tx, {
        ...entry,
        note: entry.note ?? null,
        actorId: caller.user?._id ?? null,
        actorRole: system ? 'system' : roleIn(caller, entry.communityId),
        at: now,
        requestId,
      });
    },
    afterCommit: (job) => void afterwards.push(job),
  };
  const result = await guard.run(ctx, (keyed) => handler(input, keyed));
  await runAfterCommit(afterwards, runtime, requestId);
  return result;
}

/** One after another, each failure logged and the rest run all the same. */
async function runAfterCommit(jobs: (() => Promise<void>)[], runtime: Runtime, requestId: string): Promise<void> {
  for (const job of jobs) {
    try {
      await job();
    } catch (error) {
      runtime.log('error', 'after-commit work failed', { requestId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** Enforces the action's declared permission; returns the target document when one was named. */
async function authorize(spec: ActionSpec, caller: Caller, input: Record<string, unknown>, store: Store) {
  const { allow, community, target: targetSpec, owner } = spec.permission;
  let target: (Doc & Record<string, unknown>) | null = null;
  if (targetSpec) {
    const id = input[targetSpec.idField];
    target = typeof id === 'string' ? await store.get<Doc & Record<string, unknown>>(targetSpec.collection, id) : null;
    if (!target) throw new AppError('NOT_FOUND');
  }
  if (allow === 'anyone' || allow === 'user' || allow === 'system') return target;
  if (!caller.user) throw new AppError('FORBIDDEN', roleRequiredMessage(allow, community));
  if (owner && target && caller.user._id === target[owner]) return target;

  let communityId: string | null | undefined;
  if (community === 'input') communityId = input.communityId as string;
  else if (community === 'target' && target) {
    communityId = (getPath(target, targetSpec?.communityField ?? 'communityId') as string | null | undefined) ?? null;
  }
  const allowed = allow.some((role) => hasRole(caller, role, communityId === null ? undefined : communityId) && (communityId !== null || role === 'admin'));
  if (!allowed) throw new AppError('FORBIDDEN', roleRequiredMessage(allow, community));
  return target;
}

const SYSTEM_ONLY_MESSAGE = '此操作仅由系统定时执行';

/** 仅本社区的居民或主持人可以进行此操作: the roles by their usual names, scoped when the permission names a community. */
function roleRequiredMessage(roles: readonly Role[], community?: 'input' | 'target'): string {
  return `仅${community ? '本社区的' : ''}${roles.map((r) => ROLE_LABELS[r]).join('或')}可以进行此操作`;
}

/** The same words the contract's page input uses for a malformed cursor. */
const PAGE_CURSOR_MESSAGE = '分页参数格式不正确';

function firstMessage(fields: Record<string, string>): string {
  return Object.values(fields)[0] ?? ERROR_MESSAGES.VALIDATION;
}

function toApiError(error: unknown, requestId: string, runtime: Runtime, where: string): ApiError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), requestId };
  }
  if (error instanceof DuplicateError) return { code: 'CONFLICT', message: ERROR_MESSAGES.CONFLICT, requestId };
  if (error instanceof BadCursorError) {
    return { code: 'VALIDATION', message: PAGE_CURSOR_MESSAGE, fields: { cursor: PAGE_CURSOR_MESSAGE }, requestId };
  }
  runtime.log('error', 'unexpected error', {
    where,
    requestId,
    error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
  });
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId };
}
