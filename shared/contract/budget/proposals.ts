import { z } from 'zod';
import type { ProposalStatus } from '../../budget/proposals';
import type { Implementation, SatisfactionLevel } from '../../budget/implementation';
import { action } from '../action';
import { choice, fileIds, id, pageInput, text, type Page } from '../fields';
import { proposalTarget, roundTarget, staffOfProposal, wholeYuan, withProposal } from './common';

// Proposals: residents submit them in 征集 and 附议 others'; staff enter them for organisations and residents without
// a phone (代办), review them (eligible with a cost, or not with a reason) and merge duplicates.

export interface ProposalView {
  id: string;
  roundId: string;
  communityId: string;
  title: string;
  description: string;
  category: string;
  location: string;
  photos: string[];
  /** The proposer's estimate. */
  cost: number;
  /** Set by staff at review; the cost the round funds it at. */
  adjustedCost: number | null;
  proposerName: string;
  /** 代办: staff entered it for a community organisation or a resident without a phone. */
  onBehalf: 'resident' | 'organisation' | null;
  supportCount: number;
  status: ProposalStatus;
  reviewReason: string | null;
  mergedInto: string | null;
  createdAt: number;
  /** Once the project won: how carrying it out goes. */
  implementation: Implementation | null;
  ratingCounts: Record<SatisfactionLevel, number>;
  mine: boolean;
  supportedByMe: boolean;
  ratedByMe: SatisfactionLevel | null;
}

const fields = {
  title: text('项目名称', { min: 2, max: 40 }),
  description: text('项目说明', { max: 1000 }),
  category: text('类别', { max: 10 }),
  location: text('地点', { max: 60 }),
  cost: wholeYuan('预计费用'),
  photos: fileIds('照片', 6),
};

export const proposalActions = {
  submitProposal: action<ProposalView>()({
    input: z
      .object({
        id: id('本轮创享计划'),
        ...fields,
        photos: fields.photos.default([]),
        /** Staff only: whom the proposal is entered for (代办), named. */
        onBehalf: z.object({ kind: choice('代办对象', ['resident', 'organisation']), name: text('提案人姓名或组织名称', { max: 30 }) }).strict().optional(),
      })
      .strict(),
    permission: { allow: ['resident', 'staff'], community: 'target', target: roundTarget },
    summary: '提交提案（工作人员可代办）',
    create: true,
  }),
  editProposal: action<ProposalView>()({
    input: z
      .object({
        ...withProposal,
        title: fields.title.optional(),
        description: fields.description.optional(),
        category: fields.category.optional(),
        location: fields.location.optional(),
        cost: fields.cost.optional(),
        photos: fields.photos.optional(),
      })
      .strict(),
    permission: { allow: ['staff'], community: 'target', target: proposalTarget, owner: 'proposerId' },
    summary: '修改提案（审核前）',
  }),
  listProposals: action<Page<ProposalView>>()({
    input: z
      .object({ roundId: id('本轮创享计划'), status: choice('状态', ['submitted', 'eligible', 'ineligible', 'merged']).optional(), ...pageInput })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '本轮提案列表',
  }),
  getProposal: action<ProposalView>()({
    input: z.object(withProposal).strict(),
    permission: { allow: 'anyone' },
    summary: '提案详情',
  }),
  supportProposal: action<ProposalView>()({
    input: z.object(withProposal).strict(),
    permission: { allow: ['resident'], community: 'target', target: proposalTarget },
    summary: '附议提案',
  }),
  withdrawSupport: action<ProposalView>()({
    input: z.object(withProposal).strict(),
    permission: { allow: ['resident'], community: 'target', target: proposalTarget },
    summary: '撤回附议',
  }),
  reviewProposal: action<ProposalView>()({
    input: z
      .object({
        ...withProposal,
        verdict: choice('审核结果', ['eligible', 'ineligible']),
        reason: text('理由', { min: 0, max: 200 }).default(''),
        adjustedCost: fields.cost.nullable().optional(),
      })
      .strict()
      .refine((v) => v.verdict === 'eligible' || v.reason.length > 0, { message: '不通过时请填写理由', path: ['reason'] }),
    permission: staffOfProposal,
    summary: '审核提案（通过可调整费用，不通过须说明理由）',
  }),
  mergeProposals: action<ProposalView>()({
    input: z.object({ ...withProposal, duplicateIds: z.array(id('重复提案')).min(1, '请选择要合并的提案').max(20, '一次最多合并20个') }).strict(),
    permission: staffOfProposal,
    summary: '合并重复提案（附议人保留）',
  }),
};
