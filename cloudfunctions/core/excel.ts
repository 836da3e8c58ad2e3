type ExcelModule = typeof import('exceljs');

/**
 * exceljs, loaded on the first export rather than at the top: requiring it takes about half a second, which no other
 * action's cold start should pay (every function's bundle holds every module). The bundle and jest hand back its
 * CommonJS exports as named ones; Node's own ESM loader (tsx, which runs the local cloud) only as `default`.
 */
export async function loadExcel(): Promise<ExcelModule> {
  const loaded = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return loaded.Workbook ? loaded : loaded.default!;
}

/** File names people save: without the characters Windows and WeChat refuse in a name. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}
