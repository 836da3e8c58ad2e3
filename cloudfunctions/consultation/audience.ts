import type { ConsultationEventData } from '@shared/consultation/notifications';
import type { HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { ConsultationDoc, OpinionDoc, SignupDoc } from './records';

/** Everyone holding a seat or waiting for one. */
export async function signedUp(ctx: HandlerContext, c: ConsultationDoc): Promise<string[]> {
  if (!c.noticeId) return [];
  const signups = await queryAll<SignupDoc>(ctx.store, 'signups', { where: { consultationId: c._id, status: { in: ['seated', 'waitlisted'] } }, orderBy: [['seq', 'asc']] });
  return signups.map((s) => s.userId);
}

/** The residents whose opinions went into the consultation: they asked for it, so they hear how it goes. */
export async function contributors(ctx: HandlerContext, c: ConsultationDoc): Promise<string[]> {
  const opinions = await queryAll<OpinionDoc>(ctx.store, 'opinions', { where: { consultationId: c._id }, orderBy: [['createdAt', 'asc']] });
  return opinions.map((o) => o.authorId);
}

/** What every consultation notification names: the consultation, by the title people know it by. */
export function about(c: ConsultationDoc): ConsultationEventData {
  return { communityId: c.communityId, consultationId: c._id, title: c.topic?.title ?? c.theme };
}
