import type { ParticipationKind } from '@shared/dashboard/kinds';
import type { Rollup } from '@shared/dashboard/rollup';

/** One community's month (`<communityId>:<YYYY-MM>`): the folded sums and distributions, and the latest samples. */
export interface MonthDoc extends Rollup {
  _id: string;
  communityId: string;
  month: string;
  /** Distributions the cron samples from the modules' own documents, replaced at each sampling. */
  samples: Record<string, Record<string, number>>;
  sampledAt: number | null;
}

/** Unique participants of one community in a kept period (`<communityId>:<YYYY-MM | YYYY-Qn | YYYY>`): all, and per kind. */
export interface UniquesDoc {
  _id: string;
  communityId: string;
  period: string;
  counts: Partial<Record<ParticipationKind | 'all', number>>;
}

/** That a person took part in a community in a kept period, and in which kinds: each counted once. */
export interface MarkDoc {
  _id: string;
  kinds: ParticipationKind[];
}

/** Where the fold has read the audit log to: the last entry folded, and the time up to which all are in. */
export interface CursorDoc {
  _id: string;
  lastId: string;
  upTo: number;
}

export const CURSOR_ID = 'audit';

export const monthDocId = (communityId: string, month: string) => `${communityId}:${month}`;
export const uniquesDocId = (communityId: string, period: string) => `${communityId}:${period}`;
export const markId = (communityId: string, period: string, userId: string) => `${communityId}:${period}:${userId}`;
