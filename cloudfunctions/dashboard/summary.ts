import type { dashboardContract } from '@shared/contract/dashboard';
import { resolvePeriod, type PeriodKind } from '@shared/dashboard/periods';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { Filter } from '../core/store/port';
import { CURSOR_ID, type CursorDoc, type MonthDoc, type UniquesDoc } from './records';
import { statGroups } from './registry';
import { dashboardView } from './view';

type C = typeof dashboardContract;

interface PeriodInput {
  period: PeriodKind;
  from?: string;
  to?: string;
}

/**
 * Reads one document per community and month of the period, the kept unique counts and the cursor: a year of a
 * community is 12 + 13 + 1 reads, whatever happened in it. Nothing a module keeps is read here.
 */
async function viewOf(ctx: HandlerContext, communityId: string | null, input: PeriodInput) {
  const period = resolvePeriod(input.period, ctx.now, input.from && input.to ? { from: input.from, to: input.to } : undefined);
  const here: Filter = communityId === null ? {} : { communityId };
  const first = period.months[0];
  const last = period.months[period.months.length - 1];
  const kept = [...new Set([...period.months, ...(period.uniqueKey ? [period.uniqueKey] : [])])];
  const [months, uniques, cursor] = await Promise.all([
    queryAll<MonthDoc>(ctx.store, 'statMonths', { where: { ...here, month: { gte: first, lte: last } } }),
    queryAll<UniquesDoc>(ctx.store, 'statUniques', { where: { ...here, period: { in: kept } } }),
    ctx.store.get<CursorDoc>('statCursor', CURSOR_ID),
  ]);
  return dashboardView({ communityId, period, groups: statGroups(), months, uniques, foldedUpTo: cursor?.upTo ?? null });
}

export const community: Handler<C['community']> = (input, ctx) => viewOf(ctx, input.communityId, input);

export const street: Handler<C['street']> = (input, ctx) => viewOf(ctx, null, input);
