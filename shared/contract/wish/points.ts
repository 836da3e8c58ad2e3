import { z } from 'zod';
import type { BoardRow } from '../../wish/ledger';
import { action } from '../action';
import { id, pageInput, text, type Page } from '../fields';

export interface LedgerEntryView {
  id: string;
  wishId: string;
  communityId: string;
  points: number;
  kind: 'award' | 'reversal';
  reverses: string | null;
  at: number;
  note: string | null;
  /** The wish's title, for the history list. */
  title: string;
}

export interface MyPoints {
  balance: number;
  /** Households helped, all time. */
  households: number;
  entries: Page<LedgerEntryView>;
}

export interface Leaderboard {
  communityId: string;
  period: 'month' | 'all';
  /** `YYYY-MM` for a monthly board. */
  month: string | null;
  rows: (BoardRow & { rank: number })[];
  /** The caller's own row when they are not among the rows shown. */
  me: (BoardRow & { rank: number }) | null;
}

export const pointsActions = {
  myPoints: action<MyPoints>()({
    input: z.object({ ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我的爱心积分：余额与明细',
  }),
  leaderboard: action<Leaderboard>()({
    input: z
      .object({
        communityId: id('社区'),
        period: z.enum(['month', 'all'], { errorMap: () => ({ message: '请选择月榜或总榜' }) }).default('month'),
        month: z.string({ invalid_type_error: '月份格式不正确' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确').optional(),
      })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '爱心榜：按帮助的户数排名（月榜、总榜）',
  }),
  correctPoints: action<LedgerEntryView>()({
    input: z.object({ entryId: id('积分记录'), reason: text('更正理由', { min: 2, max: 100 }) }).strict(),
    permission: { allow: ['staff'], community: 'target', target: { collection: 'lovePoints', idField: 'entryId' } },
    summary: '更正爱心积分（追加一条冲正记录，原记录不改）',
  }),
};
