import { z } from 'zod';
import { RECEIPT_PATTERN } from '../../budget/ballot';
import { action } from '../action';
import { id, text } from '../fields';
import { residentOfRound, staffOfRound, withRound } from './common';

// Voting: a resident's ballot (secret: stored without the voter, with a has-voted marker per voter unit), paper
// ballots entered by staff and countersigned by a second, and finding one's ballot by its receipt after the close.

export interface BallotReceipt {
  receipt: string;
  roundId: string;
  /** The projects chosen, for the voter's own confirmation screen; the server keeps no link to them. */
  projects: string[];
}

export interface PaperBallotView {
  id: string;
  roundId: string;
  /** Who voted on paper, as staff wrote it: building, unit and name. */
  voterLabel: string;
  reason: string;
  enteredByName: string;
  status: 'pending' | 'countersigned';
  countersignedByName: string | null;
  /** The choices, shown to staff until the countersignature (then they live only on the anonymous ballot). */
  projects: string[] | null;
  receipt: string | null;
  at: number;
}

export interface PublishedBallot {
  receipt: string;
  projects: string[];
  method: 'online' | 'paper';
}

const receipt = z
  .string({ invalid_type_error: '回执码格式不正确' })
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(RECEIPT_PATTERN, '回执码是8位字母或数字'));

const projects = z.array(id('项目'), { required_error: '请选择项目', invalid_type_error: '所选项目格式不正确' }).max(100, '所选项目过多');

export const votingActions = {
  castBallot: action<BallotReceipt>()({
    input: z.object({ ...withRound, projects, receipt: receipt.optional() }).strict(),
    permission: residentOfRound,
    summary: '投票（提交后不能更改）',
  }),
  enterPaperBallot: action<PaperBallotView>()({
    input: z
      .object({
        ...withRound,
        projects,
        reason: text('代录原因', { max: 200 }),
        /** A verified resident who voted on paper, or, with no account, their address and name. */
        userId: id('居民').optional(),
        building: text('楼栋', { max: 20 }).optional(),
        unit: text('单元/门牌', { max: 20 }).optional(),
        name: text('投票人姓名', { max: 20 }).optional(),
      })
      .strict()
      .refine((v) => !!v.userId || (!!v.building && !!v.unit && !!v.name), { message: '请选择居民，或填写楼栋、单元和姓名', path: ['name'] }),
    permission: staffOfRound,
    summary: '录入纸质选票（需另一位工作人员复核）',
    create: true,
  }),
  countersignPaperBallot: action<PaperBallotView>()({
    input: z.object({ ...withRound, paperId: id('纸质选票') }).strict(),
    permission: staffOfRound,
    summary: '复核纸质选票（另一位工作人员）',
  }),
  listPaperBallots: action<PaperBallotView[]>()({
    input: z.object(withRound).strict(),
    permission: staffOfRound,
    summary: '纸质选票列表',
  }),
  findBallot: action<PublishedBallot>()({
    input: z.object({ ...withRound, receipt }).strict(),
    permission: { allow: 'anyone' },
    summary: '按回执码查找选票（结果公示后）',
  }),
  listBallots: action<{ items: PublishedBallot[]; nextCursor: string | null }>()({
    input: z.object({ ...withRound, cursor: z.string().max(64, '分页参数格式不正确').optional(), limit: z.number().int().min(1).max(100, '每页最多100条').optional() }).strict(),
    permission: { allow: 'anyone' },
    summary: '公示的匿名选票（结果公示后）',
  }),
};

