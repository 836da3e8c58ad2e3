import { AppError } from '@shared/errors';
import type { HandlerContext } from './router';
import { applyPatch, getPath } from './store/documents';
import type { Doc, Filter, Patch, TxStore } from './store/port';

export interface Change<D extends Doc> {
  collection: string;
  /** The document as the caller saw it; the patch applies to it only while `guard` still holds. */
  doc: D;
  /** What must still be true of the stored document, typically the fields the caller's decision rested on. */
  guard: Filter;
  patch: Patch;
  audit: {
    action: string;
    targetType: string;
    /** The audit chain the entry joins. */
    communityId: string;
    note?: string | null;
    /** Default: the patched fields before and after. */
    before?: unknown;
    after?: unknown;
  };
  /** The refusal when the guard no longer holds, told from the document as it is now (null: it is gone). */
  refused(current: D | null): AppError;
  /** Further writes that stand or fall with the change, such as a notice published with it. */
  also?(tx: TxStore, next: D): Promise<void>;
}

/**
 * The one way a handler changes a document: in one transaction, a conditional update (so when two people act
 * at once exactly one change applies), its audit entry, and whatever else must land with it. The document is
 * read only when the change is refused, to say why. Returns the document as it now stands.
 */
export async function change<D extends Doc>(ctx: HandlerContext, c: Change<D>): Promise<D> {
  const next = applyPatch(c.doc, c.patch);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.update(c.collection, c.doc._id, c.patch, { if: c.guard }))) {
      throw c.refused(await tx.get<D>(c.collection, c.doc._id));
    }
    const fields = Object.keys(c.patch).filter((f) => f !== 'updatedAt');
    await ctx.audit(tx, {
      communityId: c.audit.communityId,
      action: c.audit.action,
      targetType: c.audit.targetType,
      targetId: c.doc._id,
      note: c.audit.note ?? null,
      before: 'before' in c.audit ? c.audit.before : pick(c.doc, fields),
      after: 'after' in c.audit ? c.audit.after : pick(next, fields),
    });
    if (c.also) await c.also(tx, next);
  });
  return next;
}

function pick(doc: Doc, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, getPath(doc, f)]));
}
