import { stepLabel } from '@shared/consultation/steps';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import type { HandlerContext } from '../core/router';
import { applyPatch } from '../core/store/documents';
import type { Filter, Patch, TxStore } from '../core/store/port';
import type { ConsultationDoc } from './records';

export interface ChangeRecord {
  action: string;
  note?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Where a consultation is now, for refusals: "当前在第3步「制定方案」". */
export function whereNow(c: Pick<ConsultationDoc, 'step' | 'state'>): string {
  const state = { active: '', postponed: '（已延期）', cancelled: '（已取消）', closed: '（已结束）' }[c.state];
  return `当前在${stepLabel(c.step)}${state}`;
}

/**
 * Changes a consultation only if it is still where the caller saw it (same step and state by default). When
 * two people act at once exactly one change applies; the other is told where the consultation is now.
 */
export async function changeConsultation(
  ctx: HandlerContext,
  c: ConsultationDoc,
  patch: Patch,
  record: ChangeRecord,
  options: { guard?: Filter; also?: (tx: TxStore, next: ConsultationDoc) => Promise<void> } = {},
): Promise<ConsultationDoc> {
  const fullPatch = { ...patch, updatedAt: ctx.now };
  const next = applyPatch(c, fullPatch);
  return change(ctx, {
    collection: 'consultations',
    doc: c,
    guard: options.guard ?? { step: c.step, state: c.state },
    patch: fullPatch,
    audit: {
      action: `consultation.${record.action}`,
      targetType: 'consultation',
      communityId: c.communityId,
      note: record.note ?? null,
      before: record.before ?? { step: c.step, state: c.state },
      after: record.after ?? { step: next.step, state: next.state },
    },
    refused: (now) => (now ? new AppError('INVALID_STATE', `操作未生效：该议事刚刚被其他人更新，${whereNow(now)}`) : new AppError('NOT_FOUND', '议事不存在')),
    also: options.also,
  });
}
