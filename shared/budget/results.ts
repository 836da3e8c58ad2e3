import { equalShares, greedy, profileOf, satisfiedShare, shareFlow, totalCost } from './tally';
import { yuan } from './ballot';

/**
 * A round's results at the close: votes per project, the winners under both rules (greedy by votes, and the
 * Method of Equal Shares with add1 completion), the share of voters with at least one winner under each, and what
 * the explanations need. Computed once by the cloud function and stored; the app explains from the stored copy.
 */
export type SelectionRule = 'greedy' | 'mes';

export const SELECTION_RULE_LABELS: Record<SelectionRule, string> = {
  greedy: '按得票多少（贪心法）',
  mes: '等额分配法（MES）',
};

/** How each rule breaks ties, stated on the results page. */
export const TIE_BREAKS: Record<SelectionRule, string> = {
  greedy: '票数相同时，花费少的项目优先；再相同时，先提交的项目优先。',
  mes: '每轮选“有效票”最多的项目；相同时得票多的优先；再相同时花费少的优先；再相同时先提交的优先。',
};

export interface ResultProject {
  id: string;
  title: string;
  cost: number;
  votes: number;
}

export interface MesPurchase {
  project: string;
  /** The most any one supporter paid; supporters with less left paid all they had. */
  payment: number;
  effectiveVotes: number;
  supporters: number;
  /** Supporters whose share ran out on this purchase. */
  exhausted: number;
}

export interface RuleOutcome {
  winners: string[];
  spent: number;
  /** The share of voters with at least one winning project on their ballot (0–1). */
  satisfied: number;
}

export interface RoundResults {
  closedAt: number;
  countedAt: number;
  budget: number;
  /** Ballots counted, empty ones included. */
  voters: number;
  paperBallots: number;
  /** In the order ties are finally broken by: earlier first. */
  projects: ResultProject[];
  rule: SelectionRule;
  /** The winners under the round's own rule. */
  winners: string[];
  greedy: RuleOutcome;
  mes: RuleOutcome & { share: number; runs: number; purchases: MesPurchase[] };
}

export interface CountInput {
  budget: number;
  rule: SelectionRule;
  projects: readonly { id: string; title: string; cost: number }[];
  ballots: readonly (readonly string[])[];
  paperBallots: number;
  closedAt: number;
  countedAt: number;
}

export function countRound(input: CountInput): RoundResults {
  const profile = profileOf({ budget: input.budget, projects: input.projects, ballots: input.ballots });
  const byGreedy = greedy(profile);
  const byMes = equalShares(profile, { completion: 'add1' });
  const ids = (winners: readonly number[]) => winners.map((c) => profile.ids[c]);
  const greedyOutcome: RuleOutcome = { winners: ids(byGreedy), spent: totalCost(profile, byGreedy), satisfied: satisfiedShare(profile, byGreedy) };
  const mesOutcome = {
    winners: ids(byMes.winners),
    spent: totalCost(profile, byMes.winners),
    satisfied: satisfiedShare(profile, byMes.winners),
    share: byMes.share,
    runs: byMes.runs,
    purchases: byMes.steps.map((s) => ({
      project: profile.ids[s.project],
      payment: s.payment,
      effectiveVotes: s.effectiveVotes,
      supporters: profile.votes[s.project],
      exhausted: s.exhausted,
    })),
  };
  return {
    closedAt: input.closedAt,
    countedAt: input.countedAt,
    budget: input.budget,
    voters: profile.voters,
    paperBallots: input.paperBallots,
    projects: input.projects.map((p, c) => ({ id: p.id, title: p.title, cost: p.cost, votes: profile.votes[c] })),
    rule: input.rule,
    winners: input.rule === 'mes' ? mesOutcome.winners : greedyOutcome.winners,
    greedy: greedyOutcome,
    mes: mesOutcome,
  };
}

function titleOf(results: RoundResults, id: string): string {
  return results.projects.find((p) => p.id === id)?.title ?? id;
}

/** Money as people say it, to the fen only when there are fen. */
export function money(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  return Number.isInteger(rounded) ? yuan(rounded) : `¥${rounded.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Why a project won under MES, in plain words: whose shares paid for it and how much each gave. */
export function mesWinnerStory(results: RoundResults, purchase: MesPurchase): string {
  const p = results.projects.find((x) => x.id === purchase.project);
  const full = purchase.supporters - purchase.exhausted;
  const head = `「${titleOf(results, purchase.project)}」需要${money(p?.cost ?? 0)}，由投它的${purchase.supporters}位投票人一起出钱：`;
  if (purchase.exhausted === 0) return `${head}每人出${money(purchase.payment)}。`;
  return `${head}${full}位每人出${money(purchase.payment)}，另有${purchase.exhausted}位手里剩下的份额不到这个数，就把剩下的全部拿了出来。`;
}

/** How the two rules differ, project by project, in plain words; empty when they pick the same. */
export function greedyDifference(results: RoundResults): string[] {
  const mes = new Set(results.mes.winners);
  const byGreedy = new Set(results.greedy.winners);
  const lines: string[] = [];
  for (const id of results.greedy.winners) {
    if (mes.has(id)) continue;
    const p = results.projects.find((x) => x.id === id);
    const held = (p?.votes ?? 0) * results.mes.share;
    const why =
      p && held < p.cost
        ? `投它的${p.votes}人每人一份，合起来只有${money(held)}，不够它的${money(p.cost)}：按等额分配法，一群人最多只能花他们那几份的钱。`
        : '投它的人手里的份额，有一部分已经花在他们也投了的其他项目上，剩下的凑不够它的费用。';
    lines.push(`「${titleOf(results, id)}」按得票多少会入选；按等额分配法没有入选：${why}`);
  }
  for (const id of results.mes.winners) {
    if (!byGreedy.has(id)) {
      lines.push(`「${titleOf(results, id)}」按得票多少不会入选（预算先被得票更多的项目用完了）；按等额分配法入选：投它的人虽然不是最多，但他们的份额够付它的费用。`);
    }
  }
  return lines;
}

export interface ShareStory {
  /** Each voter's share of the budget in the deciding run. */
  share: number;
  paid: { project: string; title: string; amount: number }[];
  left: number;
}

/** "你的份额去了哪里": how one ballot's share was spent under MES. */
export function shareStory(results: RoundResults, ballot: readonly string[]): ShareStory {
  const index = new Map(results.projects.map((p, i) => [p.id, i]));
  const steps = results.mes.purchases.map((p) => ({ project: index.get(p.project) ?? -1, payment: p.payment, effectiveVotes: p.effectiveVotes, exhausted: p.exhausted }));
  const flow = shareFlow(
    ballot.map((id) => index.get(id)).filter((i): i is number => i !== undefined),
    { steps, share: results.mes.share },
  );
  return {
    share: results.mes.share,
    paid: flow.paid.map((p) => ({ project: results.projects[p.project].id, title: results.projects[p.project].title, amount: p.amount })),
    left: flow.left,
  };
}

/** The share of voters with a winner, as a percentage people read: 83%. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
