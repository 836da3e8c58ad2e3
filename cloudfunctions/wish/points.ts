import type { wishContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { balanceOf, leaderboard as rank, monthOf, reversal, type LedgerEntry } from '@shared/wish/ledger';
import type { Handler } from '../core/router';
import { queryAll } from '../core/store/paging';
import { DuplicateError, type Filter } from '../core/store/port';
import { ledgerView, type LedgerDoc } from './records';

type C = typeof wishContract;

const entryOf = ({ _id, ...rest }: LedgerDoc): LedgerEntry => ({ id: _id, ...rest });

/** The caller's balance and households helped (over all their entries), and their history, newest first. */
export const myPoints: Handler<C['myPoints']> = async (input, ctx) => {
  const userId = ctx.caller.user?._id ?? '-';
  const all = (await queryAll<LedgerDoc>(ctx.store, 'lovePoints', { where: { userId } })).map(entryOf);
  const page = await ctx.store.query<LedgerDoc>('lovePoints', { where: { userId }, orderBy: [['at', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  const mine = rank(all, 1)[0];
  return { balance: balanceOf(all), households: mine?.households ?? 0, entries: { items: page.items.map(ledgerView), nextCursor: page.nextCursor } };
};

/**
 * The community's board, for a month (Shanghai) or all time: households helped, then points. Summed from the
 * ledger when asked: a community confirms a few hundred wishes a year, a few pages of entries.
 */
export const leaderboard: Handler<C['leaderboard']> = async (input, ctx) => {
  const month = input.period === 'month' ? (input.month ?? monthOf(ctx.now)) : null;
  const where: Filter = { communityId: input.communityId };
  if (month) where.month = month;
  const entries = (await queryAll<LedgerDoc>(ctx.store, 'lovePoints', { where })).map(entryOf);
  const all = rank(entries, Number.MAX_SAFE_INTEGER).map((r, i) => ({ ...r, rank: i + 1 }));
  const rows = all.slice(0, 20);
  const me = ctx.caller.user ? (all.slice(20).find((r) => r.userId === ctx.caller.user!._id) ?? null) : null;
  return { communityId: input.communityId, period: input.period, month, rows, me };
};

/** A mistake is put right by a reversal entry; the award itself is never edited. Each award can be reversed once. */
export const correctPoints: Handler<C['correctPoints']> = async (input, ctx) => {
  const entry = ctx.target;
  if (entry.kind !== 'award') throw new AppError('INVALID_STATE', '只能更正积分奖励记录');
  const { id, ...rest } = reversal(entryOf(entry), ctx.now, input.reason);
  const doc: LedgerDoc = { _id: id, ...rest, title: entry.title };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('lovePoints', doc);
      await ctx.audit(tx, { communityId: entry.communityId, action: 'wish.correctPoints', targetType: 'lovePoints', targetId: entry._id, note: input.reason, before: { points: entry.points }, after: { points: 0 } });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '这条积分已经更正过了');
    throw error;
  }
  return ledgerView(doc);
};
