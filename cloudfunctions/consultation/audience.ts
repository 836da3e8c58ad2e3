import type { HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { TxStore } from '../core/store/port';
import { sendInbox } from '../user/inbox';
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

/** One inbox message to each person named (once each, however often named), inside the caller's transaction. */
export async function tell(ctx: HandlerContext, tx: TxStore, c: ConsultationDoc, userIds: string[], title: string, body: string): Promise<void> {
  for (const userId of new Set(userIds)) await sendInbox(ctx, tx, { userId, title, body, link: { module: 'consultation', id: c._id } });
}
