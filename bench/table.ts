/** One figure the bench reports. `limit` and `ok` only where there is a cap to compare against. */
export interface Row {
  section: string;
  figure: string;
  value: number | string;
  unit: string;
  limit?: number | string;
  ok?: boolean;
}

export type Section = () => Promise<Row[]>;

export function printTable(rows: Row[]): void {
  const cells = rows.map((r) => [r.section, r.figure, `${r.value}${r.unit ? ` ${r.unit}` : ''}`, r.limit === undefined ? '' : String(r.limit), r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER']);
  const head = ['section', 'figure', 'value', 'limit', ''];
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c: string[]) => c.map((v, i) => v + ' '.repeat(widths[i] - width(v))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

export function kib(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
