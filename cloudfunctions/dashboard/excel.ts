import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { dashboardContract } from '@shared/contract/dashboard';
import { AppError } from '@shared/errors';
import { shanghaiDate } from '@shared/time';
import { hasRole } from '../core/caller';
import { loadExcel, safeFileName } from '../core/excel';
import type { ExportSpec } from '../core/module';
import type { Handler, HandlerContext } from '../core/router';
import type { Store } from '../core/store/port';
import { declaredExports } from './registry';

type C = typeof dashboardContract;

/** Personal lists go to the community's own staff; the street admin gets the rest. */
const mayExport = (ctx: HandlerContext, spec: ExportSpec, communityId: string) => !spec.personal || hasRole(ctx.caller, 'staff', communityId);

export const exportList: Handler<C['exportList']> = async (input, ctx) =>
  declaredExports()
    .filter((spec) => mayExport(ctx, spec, input.communityId))
    .map(({ key, label, personal }) => ({ key, label, personal }));

/**
 * Writes the list as a workbook row by row (exceljs's streaming writer): the rows arrive a page at a time from the
 * module and each is committed to the zipped sheet at once, so memory holds one page and the compressed file,
 * however long the list.
 */
export async function writeWorkbook(spec: ExportSpec, store: Store, communityId: string): Promise<{ body: Buffer; rows: number }> {
  const Excel = await loadExcel();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '共治';
  const sheet = book.addWorksheet(spec.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map(({ key, header, width, numFmt }) => ({ key, header, width: width ?? 14, ...(numFmt ? { style: { numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  for await (const page of spec.rows(store, communityId)) {
    for (const row of page) sheet.addRow(row).commit();
    rows += page.length;
  }
  sheet.commit();
  await book.commit();
  return { body: Buffer.concat(chunks), rows };
}

export const exportExcel: Handler<C['exportExcel']> = async (input, ctx) => {
  const spec = declaredExports().find((e) => e.key === input.key);
  if (!spec) throw new AppError('NOT_FOUND', '没有这项导出内容');
  if (!mayExport(ctx, spec, input.communityId)) throw new AppError('FORBIDDEN', `“${spec.label}”含居民个人信息，仅本社区的社区工作者可以导出`);
  const files = ctx.runtime.files;
  if (!files) throw new AppError('INTERNAL', '文件存储暂不可用，请稍后再试');
  const { body, rows } = await writeWorkbook(spec, ctx.store, input.communityId);
  // A fresh random name each time: the link is the only key to the file while it is valid.
  const stored = await files.save(`exports/dashboard/${input.communityId}-${spec.key}-${randomBytes(8).toString('hex')}.xlsx`, body);
  // Who exported what, on the community's audit chain (个人信息保护法: a record of every handover of personal data).
  await ctx.store.transaction((tx) =>
    ctx.audit(tx, { communityId: input.communityId, action: 'dashboard.export', targetType: 'export', targetId: spec.key, before: null, after: { label: spec.label, rows, personal: spec.personal, fileId: stored.fileId } }),
  );
  return { fileName: `${safeFileName(spec.label)}-${shanghaiDate(ctx.now)}.xlsx`, url: stored.url, rows };
};
