import { phaseName } from '@shared/budget/phases';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import type { HandlerContext } from '../core/router';
import { applyPatch } from '../core/store/documents';
import type { Filter, Patch, TxStore } from '../core/store/port';
import type { RoundDoc } from './records';

/**
 * Changes a round only while it is still in the phase the caller saw (or as `guard` says), with its audit entry on
 * the round's timeline. When two people act at once exactly one change applies; the other is told where it is now.
 */
export function changeRound(
  ctx: HandlerContext,
  r: RoundDoc,
  patch: Patch,
  record: { action: string; note?: string | null; before?: unknown; after?: unknown },
  options: { guard?: Filter; also?: (tx: TxStore, next: RoundDoc) => Promise<void> } = {},
): Promise<RoundDoc> {
  const fullPatch = { ...patch, updatedAt: ctx.now };
  const next = applyPatch(r, fullPatch);
  return change(ctx, {
    collection: 'budgetRounds',
    doc: r,
    guard: options.guard ?? { phase: r.phase },
    patch: fullPatch,
    audit: {
      action: `budget.${record.action}`,
      targetType: 'budgetRound',
      communityId: r.communityId,
      note: record.note ?? null,
      before: record.before ?? { phase: r.phase },
      after: record.after ?? { phase: next.phase },
    },
    refused: (now) => (now ? new AppError('INVALID_STATE', `操作未生效：本轮刚刚被其他人更新，当前在「${phaseName(now.phase)}」阶段`) : new AppError('NOT_FOUND', '该轮创享计划不存在')),
    also: options.also,
  });
}
