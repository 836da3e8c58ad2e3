import { z } from 'zod';
import { action } from '../action';
import { staffOfRound, withRound } from './common';
import type { RoundView } from './rounds';
import { id, text } from '../fields';

// Results and the files anyone can check them with: the count and its 结果公示, the pabulib `.pb` export, the
// staff's Excel workbook, and the import of a `.pb` into a closed test round.

export interface PbExport {
  fileName: string;
  /** The `.pb` text: META, PROJECTS, VOTES. */
  text: string;
}

/** A file the function stored: its name to show and a temporary link to open or download it. */
export interface FileLink {
  fileName: string;
  url: string;
}

export const resultActions = {
  publishResults: action<RoundView>()({
    input: z.object(withRound).strict(),
    permission: staffOfRound,
    summary: '计票并发布结果公示（投票截止1分钟后）',
  }),
  exportPb: action<PbExport>()({
    input: z.object(withRound).strict(),
    permission: { allow: 'anyone' },
    summary: '导出匿名选票（pabulib .pb 格式，结果公示后）',
  }),
  exportExcel: action<FileLink>()({
    input: z.object(withRound).strict(),
    permission: staffOfRound,
    summary: '导出Excel（项目、匿名选票、两种方法的结果；计票后）',
  }),
  importPb: action<RoundView>()({
    input: z.object({ communityId: id('社区'), name: text('名称', { min: 2, max: 40 }), text: z.string({ required_error: '请粘贴 .pb 文件内容' }).min(1, '请粘贴 .pb 文件内容').max(5_000_000, '文件过大（最多5MB）') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '导入 .pb 文件为一轮已结束的测试轮次',
    create: true,
  }),
};
