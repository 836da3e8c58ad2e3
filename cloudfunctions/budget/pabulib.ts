import type { budgetContract } from '@shared/contract';
import type { BallotRule } from '@shared/budget/ballot';
import { countRound } from '@shared/budget/results';
import { electionOf, formatPb, parsePb, PbFormatError, type PbFile } from '@shared/budget/tally';
import { AppError } from '@shared/errors';
import { parseShanghai, shanghaiDate } from '@shared/time';
import { newId } from '../core/ids';
import type { Handler } from '../core/router';
import { queryAll } from '../core/store/paging';
import { getCommunity } from '../user/records';
import { roundView } from './access';
import { requireRound, untouchedRound, type BallotDoc, type RoundDoc } from './records';

type C = typeof budgetContract;

/** pabulib's word for each rule. */
const PB_RULES = { greedy: 'greedy', mes: 'equalshares/add1' } as const;

/**
 * The round's anonymous ballots as a pabulib `.pb` file (META, PROJECTS, VOTES), which equalshares.net's tool and
 * `npm run pb:tally` read: anyone can recount the result. Voters are known by their receipts, paper ballots by
 * `voting_method paper`. Available once the result is published.
 */
export function roundPb(round: RoundDoc, ballots: readonly BallotDoc[]): PbFile {
  const results = round.results!;
  const votes = new Map(results.projects.map((p) => [p.id, p.votes]));
  const winners = new Set(results.winners);
  const limits: Record<string, string> =
    round.ballotRule.kind === 'knapsack' ? { max_sum_cost: String(round.budget) } : { max_length: String(round.ballotRule.maxChoices), min_length: String(round.ballotRule.minChoices) };
  return {
    meta: {
      description: `${round.communityName} 创享计划：${round.name}`,
      country: 'China',
      unit: round.communityName,
      instance: round._id,
      num_projects: String(round.ballotProjects.length),
      num_votes: String(ballots.length),
      budget: String(round.budget),
      vote_type: 'approval',
      rule: PB_RULES[round.selectionRule],
      date_begin: shanghaiDate(round.voteFrom),
      date_end: shanghaiDate(results.closedAt),
      language: 'zh',
      currency: 'CNY',
      ...limits,
    },
    projects: round.ballotProjects.map((p) => ({ project_id: p.id, cost: String(p.cost), votes: String(votes.get(p.id) ?? 0), name: p.title, category: p.category, selected: winners.has(p.id) ? '1' : '0' })),
    votes: ballots.map((b) => ({ voter_id: b.receipt, vote: b.projects.join(','), voting_method: b.method === 'paper' ? 'paper' : 'internet' })),
  };
}

export const exportPb: Handler<C['exportPb']> = async (input, ctx) => {
  const round = await requireRound(ctx.store, input.id);
  if (!round.results) throw new AppError('INVALID_STATE', '结果公示后才能导出选票');
  if (round.imported) throw new AppError('INVALID_STATE', '导入的测试轮次只保存结果，请使用原文件');
  const ballots = await queryAll<BallotDoc>(ctx.store, 'budgetBallots', { where: { roundId: round._id }, orderBy: [['receipt', 'asc']] });
  return { fileName: `${round._id}.pb`, text: formatPb(roundPb(round, ballots)) };
};

function ballotRuleOf(file: PbFile, projects: number): BallotRule {
  if (file.meta.max_sum_cost) return { kind: 'knapsack' };
  const max = Number(file.meta.max_length);
  const min = Number(file.meta.min_length);
  const maxChoices = Number.isInteger(max) && max > 0 ? max : Math.max(1, projects);
  return { kind: 'approval', maxChoices, minChoices: Number.isInteger(min) && min > 0 && min <= maxChoices ? min : 1 };
}

function dateOf(text: string | undefined, fallback: number): number {
  // pabulib writes dates as DD.MM.YYYY or YYYY-MM-DD.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text ?? '');
  const ts = dotted ? parseShanghai(`${dotted[3]}-${dotted[2].padStart(2, '0')}-${dotted[1].padStart(2, '0')}`) : parseShanghai(text ?? '');
  return Number.isNaN(ts) ? fallback : ts;
}

/**
 * A `.pb` file as a closed test round: its projects and result counted by the app's own code, so anyone can compare
 * our winners with a published instance's. The ballots themselves are not stored (the file has them).
 */
export const importPb: Handler<C['importPb']> = async (input, ctx) => {
  let file: PbFile;
  let election: ReturnType<typeof electionOf>;
  try {
    file = parsePb(input.text);
    election = electionOf(file);
  } catch (error) {
    if (error instanceof PbFormatError) throw new AppError('VALIDATION', `文件格式不正确：${error.message}`, { text: error.message });
    throw error;
  }
  if (!election.projects.length) throw new AppError('VALIDATION', '文件中没有项目', { text: '文件中没有项目' });
  const community = await getCommunity(ctx.store, input.communityId);
  const voteTo = dateOf(file.meta.date_end, ctx.now);
  const voteFrom = Math.min(dateOf(file.meta.date_begin, voteTo), voteTo);
  const selectionRule = file.meta.rule === 'greedy' ? 'greedy' : 'mes';
  const ballotProjects = file.projects.map((row) => ({ id: row.project_id, title: row.name || row.project_id, description: row.description ?? '', category: row.category ?? '', location: '', cost: Number(row.cost), photos: [] as string[] }));
  const results = countRound({ budget: election.budget, rule: selectionRule, projects: ballotProjects, ballots: election.ballots, paperBallots: file.votes.filter((v) => v.voting_method === 'paper').length, closedAt: voteTo, countedAt: ctx.now });
  const round: RoundDoc = {
    _id: newId('br'),
    communityId: community._id,
    communityName: community.name,
    name: input.name,
    description: file.meta.description ?? '',
    budget: election.budget,
    projectCap: Math.max(...ballotProjects.map((p) => p.cost)),
    categories: [...new Set(ballotProjects.map((p) => p.category).filter(Boolean))],
    collectTo: voteFrom,
    voteFrom,
    voteTo,
    ballotRule: ballotRuleOf(file, ballotProjects.length),
    voterUnit: 'resident',
    selectionRule,
    supportThreshold: 0,
    ...untouchedRound(),
    phase: 'results',
    ballotProjects,
    closedAt: voteTo,
    results,
    imported: true,
    createdBy: ctx.caller.user!._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('budgetRounds', round);
    await ctx.audit(tx, { communityId: community._id, action: 'budget.importPb', targetType: 'budgetRound', targetId: round._id, before: null, after: { voters: results.voters, projects: ballotProjects.length, winners: results.winners.length } });
  });
  return roundView(ctx, round);
};
