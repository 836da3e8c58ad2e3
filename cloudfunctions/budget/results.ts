import type { budgetContract } from '@shared/contract';
import { BALLOT_RULE_LABELS, yuan } from '@shared/budget/ballot';
import { resultsPublished } from '@shared/budget/notifications';
import { countableAt } from '@shared/budget/phases';
import { countRound, percent, SELECTION_RULE_LABELS, TIE_BREAKS, type RoundResults } from '@shared/budget/results';
import { VOTER_UNIT_LABELS } from '@shared/budget/voter-unit';
import { AppError } from '@shared/errors';
import { formatShanghai } from '@shared/time';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import { publishNotice } from '../notice/publishing';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import { countVerifiedResidents } from '../user/stats';
import { roundView } from './access';
import { changeRound } from './changes';
import type { BallotDoc, ProposalDoc, RoundDoc, VoterMarkerDoc } from './records';

type C = typeof budgetContract;

/** The 结果公示 text: the winners under the round's rule, both rules side by side, and how ties were broken. */
export function resultsNoticeText(round: RoundDoc, results: RoundResults): string {
  const title = (id: string) => results.projects.find((p) => p.id === id)?.title ?? id;
  const list = (ids: string[]) => (ids.length ? ids.map((id) => `「${title(id)}」`).join('、') : '无');
  const votes = [...results.projects].sort((a, b) => b.votes - a.votes).map((p) => `${p.title}：${p.votes}票（${yuan(p.cost)}）`);
  return [
    `【本轮】${round.name}，总预算${yuan(round.budget)}，${VOTER_UNIT_LABELS[round.voterUnit]}，${BALLOT_RULE_LABELS[round.ballotRule.kind]}`,
    `【投票】共${results.voters}张有效选票（其中纸质选票${results.paperBallots}张），投票于${formatShanghai(results.closedAt)}截止`,
    `【入选项目】按本轮规则${SELECTION_RULE_LABELS[round.selectionRule]}：${list(results.winners)}`,
    `【两种规则对比】等额分配法入选${list(results.mes.winners)}，共${yuan(results.mes.spent)}，${percent(results.mes.satisfied)}的投票人至少有一个支持的项目入选；按得票多少入选${list(results.greedy.winners)}，共${yuan(results.greedy.spent)}，${percent(results.greedy.satisfied)}的投票人至少有一个支持的项目入选`,
    `【各项目得票】${votes.join('；')}`,
    `【同票处理】${TIE_BREAKS[round.selectionRule]}`,
    '全部匿名选票可在小程序“创享计划”中导出（pabulib .pb 格式），任何人都可以复算；凭投票回执码可以找到自己的选票。',
  ].join('\n');
}

/**
 * Counts a closed round and publishes the result: once the close has settled (every accepted ballot has landed),
 * all ballots are read and counted by both rules, the round keeps the results, a 结果公示 notice is published and
 * every voter and proposer is told, in one transaction that applies only while the round has no results yet.
 */
export async function publishRoundResults(ctx: HandlerContext, r: RoundDoc): Promise<RoundDoc> {
  if (r.phase !== 'results' || r.closedAt === null) throw new AppError('INVALID_STATE', '投票截止后才能计票');
  if (r.results) throw new AppError('INVALID_STATE', '结果已经公示');
  const at = countableAt(r.closedAt);
  if (ctx.now < at) throw new AppError('INVALID_STATE', `投票刚截止，为确保每张选票都已入账，请在${formatShanghai(at, 'HH:mm:ss')}之后计票`);
  const ballots = await queryAll<BallotDoc>(ctx.store, 'budgetBallots', { where: { roundId: r._id }, orderBy: [['receipt', 'asc']] });
  const results = countRound({
    budget: r.budget,
    rule: r.selectionRule,
    projects: r.ballotProjects,
    ballots: ballots.map((b) => b.projects),
    paperBallots: ballots.filter((b) => b.method === 'paper').length,
    closedAt: r.closedAt,
    countedAt: ctx.now,
  });
  const community = await getCommunity(ctx.store, r.communityId);
  const voters = await queryAll<VoterMarkerDoc>(ctx.store, 'budgetVoters', { where: { roundId: r._id } });
  const proposers = await queryAll<ProposalDoc>(ctx.store, 'budgetProposals', { where: { roundId: r._id }, orderBy: [['createdAt', 'asc']] });
  const recipients = [...voters.flatMap((v) => (v.userId ? [v.userId] : [])), ...proposers.flatMap((p) => (p.proposerId ? [p.proposerId] : []))];
  // For the dashboard's turnout and money: who could vote (known for 一人一票 rounds) and what the winners take.
  const eligible = r.voterUnit === 'resident' ? await countVerifiedResidents(ctx.store, r.communityId) : null;
  const allocated = results.rule === 'mes' ? results.mes.spent : results.greedy.spent;
  const after = { phase: 'results', winners: results.winners, voters: results.voters, eligible, allocated };
  return changeRound(ctx, r, { results }, { action: 'publishResults', after }, {
    guard: { phase: 'results', results: null },
    also: async (tx, next) => {
      const notice = await publishNotice(ctx, tx, community, {
        category: '结果公示',
        title: `【创享计划结果】${r.name}`,
        body: resultsNoticeText(r, results),
        source: { module: 'budget', id: r._id },
      });
      await tx.update('budgetRounds', r._id, { resultNoticeId: notice._id });
      next.resultNoticeId = notice._id;
      await notify(ctx, tx, resultsPublished.with({ communityId: r.communityId, roundId: r._id, roundName: r.name }), recipients);
    },
  });
}

export const publishResults: Handler<C['publishResults']> = async (_input, ctx) => roundView(ctx, await publishRoundResults(ctx, ctx.target));
