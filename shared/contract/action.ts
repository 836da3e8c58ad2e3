import type { z } from 'zod';

export type Role = 'resident' | 'host' | 'staff' | 'admin';

export const ROLE_LABELS: Record<Role | 'visitor', string> = {
  visitor: '访客',
  resident: '居民',
  host: '主持人',
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
 * `owner` names a field of the target holding a user id: that user may act too (a wisher on their wish).
 */
export interface Permission {
  allow: 'anyone' | 'user' | readonly Role[];
  community?: 'input' | 'target';
  target?: { collection: string; idField: string; communityField?: string };
  owner?: string;
}

export interface ActionSpec<I extends z.ZodTypeAny = z.ZodTypeAny, O = unknown> {
  input: I;
  permission: Permission;
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
  return <I extends z.ZodTypeAny>(spec: { input: I; permission: Permission; summary: string; create?: boolean }): ActionSpec<I, O> =>
    spec;
}

export type ModuleContract = Record<string, ActionSpec>;
export type InputOf<A> = A extends ActionSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<A> = A extends ActionSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<A> = A extends ActionSpec<z.ZodTypeAny, infer O> ? O : never;
