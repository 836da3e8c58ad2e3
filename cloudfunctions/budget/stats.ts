import { rate } from '@shared/dashboard/rollup';
import { IMPLEMENTATION_STATUS_LABELS } from '@shared/budget/implementation';
import { PROPOSAL_STATUS_LABELS } from '@shared/budget/proposals';
import { formatShanghai } from '@shared/time';
import type { ExportSpec, StatSpec } from '../core/module';
import { ratingMeasures, recorded, satisfactionRate } from '../core/stats';
import type { FoldEntry } from '@shared/dashboard/rollup';
import { pagesOf } from '../core/store/paging';
import type { BallotDoc, ProposalDoc, RoundDoc } from './records';

const statusOf = (e: FoldEntry, side: 'before' | 'after') => (e[side] as { status?: string } | null)?.status;

/** 创享计划 on the staff dashboard: proposals, the count's turnout and money, projects carried out. */
export const BUDGET_STATS: StatSpec = {
  title: '创享计划',
  measures: [
    { key: 'pbProposals', actions: ['budget.submitProposal'] },
    { key: 'pbBallots', actions: ['budget.castBallot'] },
    // Recorded by the count (`publishResults`): ballots, voter units that could vote, and the money the winners take.
    { key: 'pbRounds', actions: ['budget.publishResults'] },
    { key: 'pbVoters', actions: ['budget.publishResults'], value: (e) => (recorded(e, 'eligible') === null ? null : recorded(e, 'voters')) },
    { key: 'pbEligible', actions: ['budget.publishResults'], value: (e) => recorded(e, 'eligible') },
    { key: 'pbAllocated', actions: ['budget.publishResults'], value: (e) => recorded(e, 'allocated') },
    { key: 'pbImplemented', actions: ['budget.addImplementationUpdate'], value: (e) => (statusOf(e, 'after') === 'done' && statusOf(e, 'before') !== 'done' ? 1 : null) },
    ...ratingMeasures('pb', ['budget.rateProject']),
  ],
  figures: [
    { key: 'proposals', label: '提交提案', format: 'count', value: (m) => m.sum('pbProposals'), trend: true },
    { key: 'ballots', label: '收到选票', format: 'count', value: (m) => m.sum('pbBallots'), trend: true },
    { key: 'rounds', label: '完成计票的轮次', format: 'count', value: (m) => m.sum('pbRounds') },
    { key: 'turnout', label: '投票率', format: 'percent', value: (m) => rate(m.sum('pbVoters'), m.sum('pbEligible')), note: '计票时的选票数除以可投票的居民数（一人一票的轮次）' },
    { key: 'allocated', label: '入选项目金额', format: 'yuan', value: (m) => m.sum('pbAllocated') },
    { key: 'implemented', label: '完成实施的项目', format: 'count', value: (m) => m.sum('pbImplemented') },
    { key: 'satisfaction', label: '项目满意率', format: 'percent', value: (m) => satisfactionRate(m, 'pb'), note: '满意与基本满意占全部评价' },
  ],
};

const roundsOf = (store: Parameters<ExportSpec['rows']>[0], communityId: string) =>
  pagesOf<RoundDoc>(store, 'budgetRounds', { where: { communityId }, orderBy: [['createdAt', 'desc']] });

/** Every proposal with its review, votes and whether it won: no proposer's name, which the results never show either. */
export const PROPOSAL_EXPORT: ExportSpec = {
  key: 'budgetProposals',
  label: '创享计划提案与结果',
  personal: false,
  columns: [
    { key: 'round', header: '轮次', width: 20 },
    { key: 'id', header: '提案编号', width: 22 },
    { key: 'createdAt', header: '提交时间', width: 18 },
    { key: 'title', header: '项目名称', width: 30 },
    { key: 'category', header: '类别', width: 10 },
    { key: 'cost', header: '金额（元）', width: 12, numFmt: '#,##0' },
    { key: 'status', header: '审核', width: 10 },
    { key: 'supports', header: '附议', width: 8 },
    { key: 'votes', header: '得票', width: 8 },
    { key: 'won', header: '入选', width: 8 },
    { key: 'implementation', header: '实施', width: 10 },
    { key: 'spent', header: '已支出（元）', width: 12, numFmt: '#,##0' },
  ],
  async *rows(store, communityId) {
    for await (const rounds of roundsOf(store, communityId)) {
      for (const r of rounds) {
        const votes = new Map(r.results?.projects.map((p) => [p.id, p.votes]) ?? []);
        const winners = new Set(r.results?.winners ?? []);
        for await (const page of pagesOf<ProposalDoc>(store, 'budgetProposals', { where: { roundId: r._id }, orderBy: [['createdAt', 'asc']] })) {
          yield page.map((p) => ({
            round: r.name,
            id: p._id,
            createdAt: formatShanghai(p.createdAt),
            title: p.title,
            category: p.category,
            cost: p.adjustedCost ?? p.cost,
            status: PROPOSAL_STATUS_LABELS[p.status],
            supports: p.supportCount,
            votes: votes.get(p._id) ?? '',
            won: r.results ? (winners.has(p._id) ? '入选' : '') : '未计票',
            implementation: p.implementation ? IMPLEMENTATION_STATUS_LABELS[p.implementation.status] : '',
            spent: p.implementation?.spent ?? '',
          }));
        }
      }
    }
  },
};

/** The anonymous ballots of every counted round, by receipt, as the round's own export has them: never a voter. */
export const BALLOT_EXPORT: ExportSpec = {
  key: 'budgetBallots',
  label: '创享计划选票（匿名）',
  personal: false,
  columns: [
    { key: 'round', header: '轮次', width: 20 },
    { key: 'receipt', header: '回执码', width: 14 },
    { key: 'projects', header: '所选项目编号', width: 60 },
    { key: 'method', header: '投票方式', width: 10 },
  ],
  async *rows(store, communityId) {
    for await (const rounds of roundsOf(store, communityId)) {
      // Ballots stay sealed until the count, as on the round's own pages.
      for (const r of rounds.filter((round) => round.results)) {
        for await (const page of pagesOf<BallotDoc>(store, 'budgetBallots', { where: { roundId: r._id }, orderBy: [['receipt', 'asc']] })) {
          yield page.map((b) => ({ round: r.name, receipt: b.receipt, projects: b.projects.join(','), method: b.method === 'paper' ? '纸质' : '线上' }));
        }
      }
    }
  },
};
