import { sealAudit } from '../core/audit-sealing';
import type { Job } from '../core/jobs';
import { expireNotices, publishScheduledNotices } from '../notice/schedule';

/** Links due audit entries into their chains; `sealAudit` bounds itself (SEAL_MAX a run) and resumes where it stopped. */
const sealAuditLog: Job = {
  name: 'audit.seal',
  batch: 200,
  run: async (ctx, batch) => {
    const done = await sealAudit(ctx.store, 'all', ctx.now, { max: batch });
    return { done, more: done === batch };
  },
};

/**
 * Every module's timed jobs, in the order each run does them. The one table of them, until module manifests
 * declare their own. Sealing comes last, so the entries this run wrote are in line for the next one.
 */
export const JOBS: readonly Job[] = [
  publishScheduledNotices,
  expireNotices,
  // notify: deliverOutbox (the outbox's subscription messages) goes here, from the notify module.
  // notify: remindTomorrow (consultation sign-ups, the day before the meeting) goes here, from the notify module.
  sealAuditLog,
];
