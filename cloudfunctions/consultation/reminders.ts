import { consultationReminder } from '@shared/consultation/notifications';
import { DAY_MS as DAY, startOfShanghaiDay } from '@shared/time';
import type { Job, JobOutcome } from '../core/jobs';
import type { HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import { notified, notify } from '../notify/notify';
import { about } from './audience';
import type { ConsultationDoc, SignupDoc } from './records';

/** The reminder's outbox id: one per consultation and meeting time, so a postponed meeting is reminded again. */
export const reminderId = (c: Pick<ConsultationDoc, '_id' | 'plan'>) => `rm:${c._id}:${c.plan!.meetingAt.toString(36)}`;

/**
 * The day before a meeting (Shanghai calendar), everyone holding a seat hears when and where it is. Each reminder
 * is one notification under an id of its own, written only where none is, so running this twice, or every five
 * minutes all day, reminds once. At most `batch` consultations a run, soonest meeting first.
 */
export async function remindTomorrow(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const tomorrow = startOfShanghaiDay(ctx.now) + DAY;
  const page = await ctx.store.query<ConsultationDoc>('consultations', {
    where: { state: 'active', 'plan.meetingAt': { gte: tomorrow, lt: tomorrow + DAY } },
    orderBy: [['plan.meetingAt', 'asc'], ['_id', 'asc']],
    limit: batch,
  });
  let done = 0;
  for (const c of page.items) {
    // Only a meeting that was announced and has not begun: the day before it is still the day before.
    if (!c.plan || !c.noticeId || c.meetingOpenedAt) continue;
    const plan = c.plan;
    const id = reminderId(c);
    if (await notified(ctx.store, id)) continue;
    const seated = await queryAll<SignupDoc>(ctx.store, 'signups', { where: { consultationId: c._id, status: 'seated' }, orderBy: [['seq', 'asc']] });
    const reminder = consultationReminder.with({ ...about(c), meetingAt: plan.meetingAt, place: plan.place });
    const written = await ctx.store.transaction((tx) => notify(ctx, tx, reminder, seated.map((s) => s.userId), { id }));
    if (written) done++;
  }
  return { done, more: page.nextCursor !== null };
}

export const remindTomorrowJob: Job = { name: 'consultation.remindTomorrow', batch: 50, run: remindTomorrow };
