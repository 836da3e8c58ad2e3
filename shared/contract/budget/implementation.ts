import { z } from 'zod';
import { action } from '../action';
import { choice, fileIds, text, timestamp } from '../fields';
import { proposalTarget, staffOfProposal, withProposal } from './common';
import type { ProposalView } from './proposals';

// Carrying out the winners: status, progress, spend, dated updates with photos and milestones; residents rate a
// finished project once each.

export interface ImplementationUpdateView {
  id: string;
  text: string;
  photos: string[];
  progress: number;
  spent: number;
  at: number;
}

export const implementationActions = {
  setMilestones: action<ProposalView>()({
    input: z
      .object({ ...withProposal, milestones: z.array(z.object({ title: text('节点', { max: 40 }), due: timestamp('计划日期') }).strict()).min(1, '请至少填写1个节点').max(12, '节点最多12个') })
      .strict(),
    permission: staffOfProposal,
    summary: '设置实施节点',
  }),
  addImplementationUpdate: action<ImplementationUpdateView>()({
    input: z
      .object({
        ...withProposal,
        text: text('进展说明', { max: 500 }),
        photos: fileIds('照片', 9).default([]),
        progress: z.number({ required_error: '请填写进度', invalid_type_error: '进度格式不正确' }).int('进度须为整数').min(0, '进度最小为0').max(100, '进度最大为100'),
        spent: z.number({ required_error: '请填写已支出金额', invalid_type_error: '已支出金额格式不正确' }).int('金额须为整数（元）').min(0, '金额不能为负').max(100_000_000, '金额过大'),
        milestoneDone: z.number({ invalid_type_error: '节点格式不正确' }).int('节点格式不正确').min(0, '节点格式不正确').max(11, '节点格式不正确').optional(),
      })
      .strict(),
    permission: staffOfProposal,
    summary: '更新实施进展（进度、支出、照片）',
    create: true,
  }),
  listImplementationUpdates: action<ImplementationUpdateView[]>()({
    input: z.object(withProposal).strict(),
    permission: { allow: 'anyone' },
    summary: '实施进展',
  }),
  rateProject: action<ProposalView>()({
    input: z.object({ ...withProposal, level: choice('满意度', ['satisfied', 'basic', 'dissatisfied']) }).strict(),
    permission: { allow: ['resident'], community: 'target', target: proposalTarget },
    summary: '对已完成的项目评价满意度（每人一次）',
  }),
};
