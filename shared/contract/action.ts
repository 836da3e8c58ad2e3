import type { z } from 'zod';

/** `org` is a 爱心单位: an organisation account staff grant in one community, which may claim 微心愿. */
export type Role = 'resident' | 'host' | 'org' | 'staff' | 'admin';

/** Who an audit entry names: a role, someone with none, or the system (a timer, with no person behind it). */
export type ActorRole = Role | 'visitor' | 'system';

export const ROLE_LABELS: Record<ActorRole, string> = {
  system: '系统',
  visitor: '访客',
  resident: '居民',
  host: '主持人',
  org: '爱心单位',
  staff: '社区工作者',
  admin: '街道管理员',
};

/**
 * Who may call an action. The router enforces it before the handler runs.
 * - `anyone`: also callers with no identity (public reading).
 * - `user`: any caller with an OPENID, verified or not.
 * - a list of roles: the caller must hold one of them in the community the action touches. That
 *   community is `data.communityId` (`community: 'input'`), the community of the document named by
 *   `target` (`community: 'target'`), or, with no `community`, any community the caller belongs to.
 * - `system`: only the platform's timer trigger (the `cron` function); every client is refused, signed in or not.
 * `owner` names a field of the target holding a user id: that user may act too (a wisher on their wish).
 */
export interface Permission {
  allow: 'anyone' | 'user' | 'system' | readonly Role[];
  community?: 'input' | 'target';
  target?: { collection: string; idField: string; communityField?: string };
  owner?: string;
}

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown, P extends Permission = Permission> {
  input: I;
  /** Kept as written, so the server can type the target document from `target.collection`. */
  permission: P;
  /** One Chinese line on what the action does, for the docs and the permission matrix. */
  summary: string;
  /**
   * The action makes a new record. It then accepts `requestKey` beside its input, and the router answers a
   * repeat of the same key from the same caller with the first result instead of a second record.
   */
  create?: boolean;
  /** Phantom: carries the output type to the client. Never set at run time. */
  readonly __output?: O;
}

/** Declares an action: `action<Output>()({ input, permission, summary, create? })`. */
export function action<O>() {
  return <I extends z.ZodTypeAny, const P extends Permission>(spec: { input: I; permission: P; summary: string; create?: boolean }): ActionSpec<I, O, P> =>
    spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any permission shape, kept literal per action
export type ModuleContract = Record<string, ActionSpec<z.ZodTypeAny, unknown, any>>;
/** The collection an action's permission loads its target from, or never when it names none. */
export type TargetCollectionOf<A> = A extends { permission: { target: { collection: infer C } } } ? C : never;
export type InputOf<A> = A extends { input: infer I extends z.ZodTypeAny } ? z.input<I> : never;
export type ParsedInputOf<A> = A extends { input: infer I extends z.ZodTypeAny } ? z.output<I> : never;
export type OutputOf<A> = A extends { readonly __output?: infer O } ? O : never;
