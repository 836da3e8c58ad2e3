import { z } from 'zod';
import type { ParticipationKind } from '../dashboard/kinds';
import type { PeriodKind } from '../dashboard/periods';
import { action } from './action';
import { choice, id } from './fields';

export type FigureFormat = 'count' | 'yuan' | 'days' | 'percent' | 'decimal';

export interface FigureView {
  key: string;
  label: string;
  format: FigureFormat;
  /** Null when there is nothing to measure (no ratings: no rate). */
  value: number | null;
  note?: string;
}

/** A figure month by month over the period, for its group's line chart and the table beside it. */
export interface TrendView {
  key: string;
  label: string;
  values: { month: string; value: number | null }[];
}

export interface GroupView {
  title: string;
  figures: FigureView[];
  trends: TrendView[];
}

export interface ParticipantsView {
  /** Unique residents over the whole period, or null for a custom span that is no kept period (see `note`). */
  unique: number | null;
  note: string | null;
  byMonth: { month: string; unique: number; actions: number }[];
  byKind: { kind: ParticipationKind; label: string; actions: number; unique: number | null }[];
}

export interface DashboardView {
  /** The community, or null for the whole street. */
  communityId: string | null;
  period: { kind: PeriodKind; label: string; months: string[] };
  /** Audit entries up to this time are in the figures (the cron folds them every five minutes). */
  foldedUpTo: number | null;
  participants: ParticipantsView;
  groups: GroupView[];
  /** The street's communities side by side (empty for one community's dashboard). */
  communities: { communityId: string; participants: number | null; actions: number }[];
}

export interface ExportListItem {
  key: string;
  label: string;
  /** Names residents: only the community's own staff may download it. */
  personal: boolean;
}

export interface ExportFile {
  fileName: string;
  url: string;
  rows: number;
}

const month = (label: string) => z.string({ invalid_type_error: `${label}格式不正确` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式不正确`);

const periodInput = {
  period: choice('统计期间', ['month', 'quarter', 'year', 'custom']).default('month'),
  /** For a custom period: the first and last month, `YYYY-MM`. */
  from: month('起始月份').optional(),
  to: month('结束月份').optional(),
};

/** A custom span must name both months, in order, at most five years long. */
function checkedPeriod<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .strict()
    .superRefine((v, ctx) => {
      const { period, from, to } = v as { period?: string; from?: string; to?: string };
      if (period !== 'custom') return;
      if (!from) ctx.addIssue({ code: 'custom', path: ['from'], message: '请选择起始月份' });
      if (!to) ctx.addIssue({ code: 'custom', path: ['to'], message: '请选择结束月份' });
      if (from && to && from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束月份不能早于起始月份' });
      if (from && to && Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= 5) ctx.addIssue({ code: 'custom', path: ['to'], message: '自定义期间最长5年' });
    });
}

/** The staff dashboard: figures from rollups the cron keeps, and the lists modules declare, as Excel. */
export const dashboardContract = {
  community: action<DashboardView>()({
    input: checkedPeriod({ communityId: id('社区'), ...periodInput }),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '数据看板：一个社区在所选期间的参与和各项工作',
  }),
  street: action<DashboardView>()({
    input: checkedPeriod({ ...periodInput }),
    permission: { allow: ['admin'] },
    summary: '数据看板：全街道在所选期间的参与和各项工作，各社区并列',
  }),
  exportList: action<ExportListItem[]>()({
    input: z.object({ communityId: id('社区') }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '可导出的数据清单',
  }),
  exportExcel: action<ExportFile>()({
    input: z.object({ communityId: id('社区'), key: id('导出内容') }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '导出一份清单为Excel（记入审计日志）',
  }),
};
