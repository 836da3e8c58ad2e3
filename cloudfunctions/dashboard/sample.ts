import { monthOf, monthStart, nextMonth } from '@shared/dashboard/periods';
import type { Job } from '../core/jobs';
import { queryAll } from '../core/store/paging';
import type { MonthDoc } from './records';
import { statGroups } from './registry';

/** How stale a sampled figure may get: readers trickle in over days, an hour late is fresh enough. */
export const SAMPLE_EVERY_MS = 60 * 60 * 1000;

/**
 * Re-samples what modules count without an audit entry (a notice's readers), for the current and the previous
 * Shanghai month, at most once an hour per community and month. Older months keep their last sample: a notice's
 * readers are counted until the end of the month after it was published.
 */
export const sampleJob: Job = {
  name: 'dashboard.sample',
  batch: 20,
  run: async (ctx, batch) => {
    const samples = statGroups().flatMap((g) => g.samples ?? []);
    const current = monthOf(ctx.now);
    const previous = monthOf(monthStart(current) - 1);
    let done = 0;
    for (const month of [current, previous]) {
      const due = (await queryAll<MonthDoc>(ctx.store, 'statMonths', { where: { month } })).filter((d) => (d.sampledAt ?? 0) <= ctx.now - SAMPLE_EVERY_MS);
      for (const doc of due) {
        if (done === batch) return { done, more: true };
        const patch: Record<string, unknown> = { sampledAt: ctx.now };
        for (const s of samples) {
          const dist: Record<string, number> = {};
          for (const v of await s.values(ctx.store, doc.communityId, monthStart(month), monthStart(nextMonth(month)))) dist[String(Math.round(v))] = (dist[String(Math.round(v))] ?? 0) + 1;
          patch[`samples.${s.key}`] = dist;
        }
        await ctx.store.update('statMonths', doc._id, patch);
        done += 1;
      }
    }
    return { done, more: false };
  },
};
