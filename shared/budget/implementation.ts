/** Carrying out a winning project: its status, progress, spend and milestones, then residents' satisfaction. */
export type ImplementationStatus = 'planned' | 'in_progress' | 'done';

export const IMPLEMENTATION_STATUS_LABELS: Record<ImplementationStatus, string> = {
  planned: '待启动',
  in_progress: '实施中',
  done: '已完成',
};

export interface BudgetMilestone {
  title: string;
  due: number;
  done: boolean;
}

export interface Implementation {
  status: ImplementationStatus;
  /** 0–100. */
  progress: number;
  /** Yuan spent so far, against the project's cost. */
  spent: number;
  milestones: BudgetMilestone[];
  doneAt: number | null;
}

export const NEW_IMPLEMENTATION: Implementation = { status: 'planned', progress: 0, spent: 0, milestones: [], doneAt: null };

/** The status an update leaves the project in: done at 100 %, under way once anything moved. */
export function statusAfter(progress: number, spent: number): ImplementationStatus {
  if (progress >= 100) return 'done';
  return progress > 0 || spent > 0 ? 'in_progress' : 'planned';
}

export { SATISFACTION_LABELS, satisfactionRate, type SatisfactionLevel } from '../consultation/seats';
