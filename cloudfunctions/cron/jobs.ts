import { sealAudit } from '../core/audit-sealing';
import type { Job } from '../core/jobs';
import type { ServerModule } from '../core/module';
import { sweepRequestKeys } from '../core/request-keys';

/** Links due audit entries into their chains; `sealAudit` bounds itself (SEAL_MAX a run) and resumes where it stopped. */
const sealAuditLog: Job = {
  name: 'audit.seal',
  batch: 200,
  run: async (ctx, batch) => {
    const done = await sealAudit(ctx.store, 'all', ctx.now, { max: batch });
    return { done, more: done === batch };
  },
};

/** Request keys answer a retry within minutes; after a day they only cost storage. */
const sweepOldRequestKeys: Job = {
  name: 'requestKeys.sweep',
  batch: 100,
  run: async (ctx, batch) => {
    const done = await sweepRequestKeys(ctx.store, ctx.now, batch);
    return { done, more: done === batch };
  },
};

/**
 * What each run does, in order: every module's jobs as its manifest declares them, modules in the order they are
 * listed, then the platform's own: old request keys swept, and the sealing last, so the entries this run wrote
 * are in line for the next one.
 */
export function cronJobs(modules: readonly ServerModule[]): readonly Job[] {
  return [...modules.flatMap((m) => m.jobs ?? []), sweepOldRequestKeys, sealAuditLog];
}
