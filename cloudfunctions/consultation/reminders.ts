import { consultationReminder } from '@shared/consultation/notifications';
import { startOfShanghaiDay } from '@shared/time';
import { queryAll } from '../core/store/paging';
import type { Store } from '../core/store/port';
import { notify } from '../notify/notify';
import { about } from './audience';
import type { ConsultationDoc, SignupDoc } from './records';

const DAY = 24 * 60 * 60 * 1000;

/** The reminder's outbox id: one per consultation and meeting time, so a postponed meeting is reminded again. */
export const reminderId = (c: ConsultationDoc) => `rm:${c._id}:${c.plan!.meetingAt.toString(36)}`;

/**
 * The cron's job: the day before a meeting (Shanghai calendar), everyone holding a seat hears when and where it is.
 * Each reminder is one outbox entry with an id of its own, so running this twice, or every five minutes all day,
 * reminds once. Returns how many consultations were reminded in this run; at most `max` per run.
 */
export async function remindTomorrow(store: Store, now: number, options: { max?: number } = {}): Promise<number> {
  const tomorrow = startOfShanghaiDay(now) + DAY;
  const page = await store.query<ConsultationDoc>('consultations', {
    where: { state: 'active', 'plan.meetingAt': { gte: tomorrow, lt: tomorrow + DAY } },
    orderBy: [['plan.meetingAt', 'asc']],
    limit: options.max ?? 50,
  });
  let reminded = 0;
  for (const c of page.items) {
    if (!c.plan || !c.noticeId || c.meetingOpenedAt) continue;
    const plan = c.plan;
    const id = reminderId(c);
    if (await store.get('outbox', id)) continue;
    const seated = await queryAll<SignupDoc>(store, 'signups', { where: { consultationId: c._id, status: 'seated' }, orderBy: [['seq', 'asc']] });
    const written = await store.transaction(async (tx) => {
      if (await tx.get('outbox', id)) return null;
      return notify({ now }, tx, consultationReminder, seated.map((s) => s.userId), { ...about(c), meetingAt: plan.meetingAt, place: plan.place }, { id });
    });
    if (written) reminded++;
  }
  return reminded;
}
