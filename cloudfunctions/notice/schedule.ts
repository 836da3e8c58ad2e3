import type { Job, JobOutcome } from '../core/jobs';
import type { HandlerContext } from '../core/router';
import type { NoticeDoc } from './records';
import { auditChainOf } from './records';

/** One timed move of a notice's stored status, and the time field that makes it due. */
interface Step {
  from: NoticeDoc['status'];
  to: NoticeDoc['status'];
  dueBy: 'publishAt' | 'expireAt';
  action: string;
}

const GO_LIVE: Step = { from: 'scheduled', to: 'published', dueBy: 'publishAt', action: 'notice.goLive' };
const EXPIRE: Step = { from: 'published', to: 'expired', dueBy: 'expireAt', action: 'notice.expire' };

/** Scheduled notices whose publish time has come become published. */
export const publishScheduledNotices: Job = {
  name: 'notice.publishScheduled',
  batch: 50,
  run: (ctx, batch) => moveDue(ctx, GO_LIVE, batch),
};

/** Published notices past their expiry become expired. Runs after publishing, so a late run does both in order. */
export const expireNotices: Job = {
  name: 'notice.expire',
  batch: 50,
  run: (ctx, batch) => moveDue(ctx, EXPIRE, batch),
};

async function moveDue(ctx: HandlerContext, step: Step, batch: number): Promise<JobOutcome> {
  const due = await ctx.store.query<NoticeDoc>('notices', {
    where: { status: step.from, [step.dueBy]: { lte: ctx.now } },
    orderBy: [[step.dueBy, 'asc'], ['_id', 'asc']],
    limit: batch,
  });
  let done = 0;
  for (const notice of due.items) if (await move(ctx, step, notice)) done += 1;
  return { done, more: due.nextCursor !== null };
}

/**
 * One notice, one transaction: the status moves only while it is still where the query found it and still due
 * (staff may have rescheduled, unpublished or moved the expiry since), and the audit entry goes with it.
 */
function move(ctx: HandlerContext, step: Step, notice: NoticeDoc): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    const guard = { status: step.from, [step.dueBy]: { lte: ctx.now } };
    if (!(await tx.update('notices', notice._id, { status: step.to, updatedAt: ctx.now }, { if: guard }))) return false;
    await ctx.audit(tx, {
      communityId: auditChainOf(notice),
      action: step.action,
      targetType: 'notice',
      targetId: notice._id,
      before: { status: step.from },
      after: { status: step.to },
    });
    return true;
  });
}
