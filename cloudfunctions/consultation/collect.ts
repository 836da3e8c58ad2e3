import type { consultationContract } from '@shared/contract';
import { earlyCloseProblem } from '@shared/consultation/collection';
import { AppError } from '@shared/errors';
import type { Handler } from '../core/router';
import { inc } from '../core/store/port';
import { viewFor } from './access';
import { changeConsultation } from './changes';
import { requireOpinion, requireStep } from './records';

type C = typeof consultationContract;

/** Step 1: the host or staff bring opinions from the community's pool into the consultation. */
export const linkOpinions: Handler<C['linkOpinions']> = async (input, ctx) => {
  const c = ctx.target;
  requireStep(c, 1);
  const opinions = await Promise.all([...new Set(input.opinionIds)].map((id) => requireOpinion(ctx.store, id)));
  if (opinions.some((o) => o.communityId !== c.communityId)) {
    throw new AppError('VALIDATION', '只能纳入本社区的意见', { opinionIds: '只能纳入本社区的意见' });
  }
  const fresh = opinions.filter((o) => o.consultationId !== c._id);
  if (!fresh.length) throw new AppError('INVALID_STATE', '这些意见已在本次议事中');
  const next = await changeConsultation(
    ctx,
    c,
    { opinionCount: inc(fresh.length) },
    { action: 'linkOpinions', after: { step: 1, linked: fresh.map((o) => o._id) }, note: `纳入${fresh.length}条意见` },
    {
      also: async (tx) => {
        for (const o of fresh) await tx.update('opinions', o._id, { consultationId: c._id, updatedAt: ctx.now });
      },
    },
  );
  return viewFor(ctx, next);
};

export const closeCollection: Handler<C['closeCollection']> = async (input, ctx) => {
  const c = ctx.target;
  const problem = earlyCloseProblem(c, ctx.now);
  if (problem) throw new AppError('INVALID_STATE', problem);
  const next = await changeConsultation(
    ctx,
    c,
    { collectionClosedAt: ctx.now, collectionCloseReason: input.reason },
    { action: 'closeCollection', note: input.reason },
    { guard: { step: 1, state: 'active', collectionClosedAt: null } },
  );
  return viewFor(ctx, next);
};
