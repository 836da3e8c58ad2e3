import { yuan } from './ballot';
import type { Phase } from './phases';

/**
 * A proposal's life: submitted in 征集, edited by its proposer until staff review it (or the round leaves 征集),
 * reviewed as eligible (with the cost staff will fund it at) or ineligible with a reason, or merged into a
 * duplicate. Only eligible proposals reach the ballot.
 */
export type ProposalStatus = 'submitted' | 'eligible' | 'ineligible' | 'merged';

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: '待审核',
  eligible: '通过审核',
  ineligible: '未通过',
  merged: '已合并',
};

export const PROPOSAL_CATEGORIES = ['环境美化', '设施改善', '文体活动', '为老助残', '儿童友好', '平安建设', '其他'] as const;

/** Who stands behind a proposal entered by staff (代办). */
export type OnBehalfKind = 'resident' | 'organisation';

/** What a proposal costs the round: the adjusted cost once staff set one, else the proposer's estimate. */
export function projectCost(p: { cost: number; adjustedCost: number | null }): number {
  return p.adjustedCost ?? p.cost;
}

/** Why a cost cannot stand in this round; null when it can. */
export function costProblem(cost: number, round: { budget: number; projectCap: number }): string | null {
  if (cost > round.projectCap) return `单个项目不能超过${yuan(round.projectCap)}`;
  if (cost > round.budget) return `不能超过本轮总预算${yuan(round.budget)}`;
  return null;
}

/** Why the proposer cannot edit now; null while they can: in 征集, before review. */
export function editProblem(phase: Phase, status: ProposalStatus): string | null {
  if (phase !== 'collect') return '征集已结束，提案不能再修改';
  if (status !== 'submitted') return '提案已审核，不能再修改';
  return null;
}

/**
 * Why staff cannot give this verdict; null when they can. A round may require a number of 附议 before review: a
 * proposal below it can only be found ineligible (for lack of support).
 */
export function reviewProblem(
  verdict: 'eligible' | 'ineligible',
  proposal: { status: ProposalStatus; supportCount: number },
  round: { phase: Phase; supportThreshold: number },
): string | null {
  if (round.phase !== 'collect' && round.phase !== 'review') return '投票开始后不能再审核提案';
  if (proposal.status === 'merged') return '该提案已合并到其他提案';
  if (verdict === 'eligible' && proposal.supportCount < round.supportThreshold) {
    return `该提案只有${proposal.supportCount}人附议，本轮要求至少${round.supportThreshold}人附议才能通过审核`;
  }
  return null;
}
