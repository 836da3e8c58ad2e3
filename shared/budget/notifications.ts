import { defineEvent, type EventData, type EventSpec } from '../events';
import { PROPOSAL_STATUS_LABELS } from './proposals';

/** What every 创享计划 message names: the round, by its name. */
export interface RoundEventData extends EventData {
  roundId: string;
  roundName: string;
}

interface ProposalEventData extends RoundEventData {
  proposalId: string;
  title: string;
  verdict: 'eligible' | 'ineligible';
  reason: string;
}

const roundPage = (d: RoundEventData) => `packages/budget/round/index?id=${d.roundId}`;

export const proposalReviewed = defineEvent<ProposalEventData>({
  type: 'budget.proposalReviewed',
  label: '提案审核结果',
  when: '您提交的创享计划提案审核后',
  title: (d) => (d.verdict === 'eligible' ? '您的提案通过了审核' : '您的提案未通过审核'),
  body: (d) => `“${d.title}”${PROPOSAL_STATUS_LABELS[d.verdict]}${d.reason ? `：${d.reason}` : '，将进入投票。'}`,
  link: (d) => ({ module: 'budget', id: d.proposalId }),
  template: {
    key: 'BUDGET_REVIEW',
    page: (d) => `packages/budget/proposal/index?id=${d.proposalId}`,
    fields: (d) => ({ thing1: d.title, phrase2: d.verdict === 'eligible' ? '通过' : '未通过', thing3: d.reason || '将进入投票' }),
  },
});

export const votingOpened = defineEvent<RoundEventData>({
  type: 'budget.votingOpened',
  label: '创享计划开始投票',
  when: '您提过或附议过提案的创享计划开始投票时',
  title: () => '创享计划开始投票了',
  body: (d) => `“${d.roundName}”已开始投票，欢迎选出您支持的项目。`,
  link: (d) => ({ module: 'budget', id: d.roundId }),
  template: { key: 'BUDGET_VOTING', page: roundPage, fields: (d) => ({ thing1: d.roundName, phrase2: '开始投票', thing3: '请选出您支持的项目' }) },
});

export const resultsPublished = defineEvent<RoundEventData>({
  type: 'budget.results',
  label: '创享计划结果',
  when: '您投过票或提过提案的创享计划公示结果时',
  title: () => '创享计划结果已公示',
  body: (d) => `“${d.roundName}”的投票结果已公示，可以看看哪些项目入选、您的份额用在了哪里。`,
  link: (d) => ({ module: 'budget', id: d.roundId }),
  template: { key: 'BUDGET_VOTING', page: roundPage, fields: (d) => ({ thing1: d.roundName, phrase2: '结果公示', thing3: '查看入选项目' }) },
});

/** The budget module's events, in the order the preferences page lists them. */
export const BUDGET_EVENTS: readonly EventSpec[] = [proposalReviewed, votingOpened, resultsPublished];

/** Worth asking for when a resident votes: the result. */
export const BALLOT_TEMPLATE_KEYS = ['BUDGET_VOTING'];
