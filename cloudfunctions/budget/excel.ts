import { randomBytes } from 'node:crypto';
import type { Workbook, Worksheet } from 'exceljs';
import type { budgetContract } from '@shared/contract';
import { SELECTION_RULE_LABELS, type RoundResults } from '@shared/budget/results';
import { AppError } from '@shared/errors';
import { shanghaiDate } from '@shared/time';
import { loadExcel, safeFileName } from '../core/excel';
import type { Handler } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { BallotDoc, RoundDoc } from './records';

type C = typeof budgetContract;
type ExcelModule = typeof import('exceljs');

const METHOD_WORDS: Record<BallotDoc['method'], string> = { online: '线上', paper: '纸质' };

/** A column: its heading, width and, for numbers, Excel's number format. */
interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

function sheet(book: Workbook, name: string, columns: Column[]): Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(({ header, key, width, numFmt }) => ({ header, key, width, ...(numFmt ? { style: { numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

const mark = (yes: boolean) => (yes ? '入选' : '');

/**
 * The round's workbook for staff: 项目 (each candidate with its votes and whether each rule chose it), 选票 (the
 * anonymous ballots, known by receipt, as the `.pb` export has them: never a voter) and 结果 (the winners under the
 * round's rule and under both, with the share of voters who got at least one project they chose).
 */
export function roundWorkbook(Excel: ExcelModule, round: RoundDoc, results: RoundResults, ballots: readonly BallotDoc[]): Workbook {
  const book = new Excel.Workbook();
  book.creator = '共治';
  book.created = new Date(results.countedAt);
  const greedy = new Set(results.greedy.winners);
  const mes = new Set(results.mes.winners);
  const winners = new Set(results.winners);
  const category = new Map(round.ballotProjects.map((p) => [p.id, p.category]));

  const projects = sheet(book, '项目', [
    { header: '项目编号', key: 'id', width: 22 },
    { header: '项目名称', key: 'title', width: 30 },
    { header: '类别', key: 'category', width: 12 },
    { header: '金额（元）', key: 'cost', width: 12, numFmt: '#,##0' },
    { header: '得票', key: 'votes', width: 8 },
    { header: '贪心法', key: 'greedy', width: 10 },
    { header: '等额分配法（MES）', key: 'mes', width: 18 },
    { header: '本轮结果', key: 'won', width: 10 },
  ]);
  for (const p of results.projects) {
    projects.addRow({ id: p.id, title: p.title, category: category.get(p.id) ?? '', cost: p.cost, votes: p.votes, greedy: mark(greedy.has(p.id)), mes: mark(mes.has(p.id)), won: mark(winners.has(p.id)) });
  }

  const votes = sheet(book, '选票', [
    { header: '序号', key: 'n', width: 8 },
    { header: '回执码', key: 'receipt', width: 14 },
    { header: '所选项目编号', key: 'projects', width: 60 },
    { header: '投票方式', key: 'method', width: 10 },
  ]);
  ballots.forEach((b, i) => votes.addRow({ n: i + 1, receipt: b.receipt, projects: b.projects.join(','), method: METHOD_WORDS[b.method] }));

  const outcome = sheet(book, '结果', [
    { header: '项目', key: 'label', width: 34 },
    { header: '内容', key: 'value', width: 70 },
  ]);
  const titles = (ids: readonly string[]) => ids.map((id) => `${id} ${results.projects.find((p) => p.id === id)?.title ?? ''}`.trim()).join('\n');
  const rows: [string, string | number][] = [
    ['轮次', `${round.communityName} 创享计划：${round.name}`],
    ['总预算（元）', results.budget],
    ['投票截止', shanghaiDate(results.closedAt)],
    ['选票数（含纸质）', results.voters],
    ['纸质选票', results.paperBallots],
    ['本轮规则', SELECTION_RULE_LABELS[results.rule]],
    ['本轮入选项目', titles(results.winners)],
    ['贪心法入选项目', titles(results.greedy.winners)],
    ['贪心法花费（元）', results.greedy.spent],
    ['贪心法：至少一个所选项目入选的投票人占比', results.greedy.satisfied],
    ['等额分配法入选项目', titles(results.mes.winners)],
    ['等额分配法花费（元）', results.mes.spent],
    ['等额分配法：至少一个所选项目入选的投票人占比', results.mes.satisfied],
    ['等额分配法：每位投票人的份额（元）', results.mes.share],
  ];
  for (const [label, value] of rows) {
    const row = outcome.addRow({ label, value });
    const cell = row.getCell('value');
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (label.endsWith('占比')) cell.numFmt = '0.0%';
    else if (label.includes('份额')) cell.numFmt = '#,##0.00';
    else if (typeof value === 'number') cell.numFmt = '#,##0';
  }
  return book;
}

/** The file name people save: the round's name. */
function fileNameOf(round: RoundDoc): string {
  return `创享计划-${safeFileName(round.name)}.xlsx`;
}

export const exportExcel: Handler<C['exportExcel']> = async (_input, ctx) => {
  // The round the permission check loaded (staff of its community): no second read.
  const round = ctx.target;
  if (!round.results) throw new AppError('INVALID_STATE', '本轮还没有计票，投票截止并计票公示后才能导出Excel');
  if (round.imported) throw new AppError('INVALID_STATE', '导入的测试轮次没有保存选票，请使用原 .pb 文件');
  const files = ctx.runtime.files;
  if (!files) throw new AppError('INTERNAL', '文件存储暂不可用，请稍后再试');
  const ballots = await queryAll<BallotDoc>(ctx.store, 'budgetBallots', { where: { roundId: round._id }, orderBy: [['receipt', 'asc']] });
  const Excel = await loadExcel();
  const body = Buffer.from(await roundWorkbook(Excel, round, round.results, ballots).xlsx.writeBuffer());
  // A fresh random name each time: the link is the only key to the file while it is valid.
  const path = `exports/budget/${round._id}-${randomBytes(8).toString('hex')}.xlsx`;
  const stored = await files.save(path, body);
  return { fileName: fileNameOf(round), url: stored.url };
};
