import { z } from 'zod';
import { action } from '../action';
import { choice, fileIds, text, timestamp } from '../fields';
import { hostOrStaff, residentOfIt, withId } from './common';
import type { ConsultationView } from './consultations';
import type { MySeat } from './meeting';

// Step 6: the result made public, progress on carrying it out, and residents' satisfaction.

export interface Milestone {
  title: string;
  due: number;
  done: boolean;
}

export interface ProgressView {
  id: string;
  text: string;
  photos: string[];
  at: number;
}

/** Step 6. */
export const reportActions = {
  publishReport: action<ConsultationView>()({
    input: z
      .object({
        ...withId,
        responsible: text('责任人或单位', { max: 60 }),
        milestones: z.array(z.object({ title: text('节点', { max: 60 }), due: timestamp('完成日期') }).strict()).min(1, '请至少填写1个进度节点').max(12, '进度节点最多12个'),
      })
      .strict(),
    permission: hostOrStaff,
    summary: '发布结果公示',
  }),
  addProgress: action<ProgressView>()({
    input: z.object({ ...withId, text: text('进展', { max: 500 }), photos: fileIds('照片', 9).default([]), milestoneDone: z.number().int().min(0).max(11).optional() }).strict(),
    permission: hostOrStaff,
    summary: '更新落实进展',
    create: true,
  }),
  listProgress: action<ProgressView[]>()({
    input: z.object(withId).strict(),
    permission: { allow: 'anyone' },
    summary: '落实进展',
  }),
  markImplemented: action<ConsultationView>()({
    input: z.object({ ...withId, ratingDays: z.number().int('天数须为整数').min(1, '评价期至少1天').max(60, '评价期最多60天').default(14) }).strict(),
    permission: hostOrStaff,
    summary: '标记已落实，开启满意度评价',
  }),
  rate: action<MySeat>()({
    input: z.object({ ...withId, level: choice('满意度', ['satisfied', 'basic', 'dissatisfied']), comment: text('意见', { min: 0, max: 200 }).optional() }).strict(),
    permission: residentOfIt,
    summary: '满意度评价（每人一次）',
  }),
};
