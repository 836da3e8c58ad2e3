import { z } from 'zod';
import type { BallotRule } from '../../budget/ballot';
import { PHASE_KEYS, type Phase } from '../../budget/phases';
import type { RoundResults, SelectionRule } from '../../budget/results';
import type { VoterUnit } from '../../budget/voter-unit';
import { action } from '../action';
import { choice, id, pageInput, text, timestamp, type Page } from '../fields';
import { staffOfRound, wholeYuan, withRound } from './common';

// A round: staff create and plan it, move it through its phases (the cron opens and closes voting on time), and
// everyone reads it and its timeline.

export interface RoundSummary {
  id: string;
  communityId: string;
  communityName: string;
  name: string;
  phase: Phase;
  budget: number;
  projectCap: number;
  collectTo: number;
  voteFrom: number;
  voteTo: number;
  /** A closed round imported from a `.pb` file to check results against published instances. */
  imported: boolean;
  updatedAt: number;
}

export interface BallotProjectView {
  id: string;
  title: string;
  description: string;
  category: string;
  location: string;
  cost: number;
  photos: string[];
}

export interface RoundView extends RoundSummary {
  description: string;
  categories: string[];
  ballotRule: BallotRule;
  voterUnit: VoterUnit;
  selectionRule: SelectionRule;
  supportThreshold: number;
  /** The projects on the ballot, fixed when voting opens; empty before. */
  ballotProjects: BallotProjectView[];
  /** Voter units that have voted: public while voting is open (per-project counts are not). */
  turnout: number;
  closedAt: number | null;
  /** When the count may run (a minute after the close, so every accepted ballot has landed). */
  countableAt: number | null;
  /** Published at the count; null before. */
  results: RoundResults | null;
  resultNoticeId: string | null;
  /** Over every winning project's ratings; null with none. */
  satisfactionRate: number | null;
  me: {
    /** The caller's voter unit (themselves, or their household) has voted in this round. */
    voted: boolean;
    /** Why the caller cannot vote now; null when they can. */
    cannotVote: string | null;
  };
  canManage: boolean;
}

export interface RoundTimelineEntry {
  id: string;
  at: number;
  actorRole: string;
  action: string;
  label: string;
  note: string | null;
}

const ballotRule = z
  .discriminatedUnion(
    'kind',
    [
      z
        .object({
          kind: z.literal('approval'),
          maxChoices: z.number({ required_error: '请填写最多可选几项', invalid_type_error: '可选项数格式不正确' }).int('可选项数须为整数').min(1, '最多可选项数至少为1').max(50, '最多可选项数不能超过50'),
          minChoices: z.number({ invalid_type_error: '至少选几项格式不正确' }).int('项数须为整数').min(1, '至少选几项最小为1').max(50, '至少选几项不能超过50').default(1),
        })
        .strict(),
      z.object({ kind: z.literal('knapsack') }).strict(),
    ],
    { errorMap: () => ({ message: '请选择投票规则' }) },
  )
  .refine((r) => r.kind !== 'approval' || r.minChoices <= r.maxChoices, { message: '至少选几项不能多于最多选几项', path: ['minChoices'] });

const plan = {
  name: text('名称', { min: 2, max: 40 }),
  description: text('说明', { min: 0, max: 1000 }),
  budget: wholeYuan('总预算'),
  projectCap: wholeYuan('单个项目上限'),
  categories: z.array(text('类别', { max: 10 })).min(1, '请至少填写1个类别').max(12, '类别最多12个'),
  collectTo: timestamp('征集截止时间'),
  voteFrom: timestamp('投票开始时间'),
  voteTo: timestamp('投票截止时间'),
  ballotRule,
  voterUnit: choice('投票单位', ['resident', 'household']),
  selectionRule: choice('计票规则', ['greedy', 'mes']),
  supportThreshold: z.number({ invalid_type_error: '附议人数格式不正确' }).int('附议人数须为整数').min(0, '附议人数不能为负').max(1000, '附议人数最多1000'),
};

export const roundActions = {
  createRound: action<RoundView>()({
    input: z
      .object({
        communityId: id('社区'),
        ...plan,
        description: plan.description.default(''),
        supportThreshold: plan.supportThreshold.default(0),
        // The community's settings give the defaults.
        voterUnit: plan.voterUnit.optional(),
        selectionRule: plan.selectionRule.optional(),
      })
      .strict()
      .refine((v) => v.projectCap <= v.budget, { message: '单个项目上限不能超过总预算', path: ['projectCap'] }),
    permission: { allow: ['staff'], community: 'input' },
    summary: '新建一轮创享计划（征集阶段）',
    create: true,
  }),
  updateRound: action<RoundView>()({
    input: z
      .object({
        ...withRound,
        name: plan.name.optional(),
        description: plan.description.optional(),
        budget: plan.budget.optional(),
        projectCap: plan.projectCap.optional(),
        categories: plan.categories.optional(),
        collectTo: plan.collectTo.optional(),
        voteFrom: plan.voteFrom.optional(),
        voteTo: plan.voteTo.optional(),
        ballotRule: ballotRule.optional(),
        voterUnit: plan.voterUnit.optional(),
        selectionRule: plan.selectionRule.optional(),
        supportThreshold: plan.supportThreshold.optional(),
      })
      .strict(),
    permission: staffOfRound,
    summary: '修改本轮设置（投票开始前）',
  }),
  listRounds: action<Page<RoundSummary>>()({
    input: z.object({ communityId: id('社区').optional(), phase: choice('阶段', PHASE_KEYS).optional(), ...pageInput }).strict(),
    permission: { allow: 'anyone' },
    summary: '创享计划列表',
  }),
  getRound: action<RoundView>()({
    input: z.object(withRound).strict(),
    permission: { allow: 'anyone' },
    summary: '本轮详情',
  }),
  advanceRound: action<RoundView>()({
    input: z.object({ ...withRound, fromPhase: choice('当前阶段', PHASE_KEYS), note: text('说明', { min: 0, max: 200 }).optional() }).strict(),
    permission: staffOfRound,
    summary: '进入下一阶段（征集→审核→投票→公示→实施→完成）',
  }),
  roundTimeline: action<RoundTimelineEntry[]>()({
    input: z.object(withRound).strict(),
    permission: { allow: 'anyone' },
    summary: '本轮公开时间线',
  }),
};


