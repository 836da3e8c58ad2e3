import type { Election } from './profile';

/**
 * The pabulib `.pb` format (pabulib.org): a META section of key;value lines, a PROJECTS section and a VOTES
 * section, each starting with its header row; fields are `;`-separated and may be double-quoted. Approval
 * votes list project ids separated by commas.
 */
export interface PbFile {
  meta: Record<string, string>;
  /** Each row by its header's column names; `project_id` and `cost` are always there. */
  projects: Record<string, string>[];
  /** Each row by its header's column names; `voter_id` and `vote` are always there. */
  votes: Record<string, string>[];
}

export class PbFormatError extends Error {}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;

export function parsePb(text: string): PbFile {
  const rows: Record<(typeof SECTIONS)[number], string[][]> = { META: [], PROJECTS: [], VOTES: [] };
  let section: (typeof SECTIONS)[number] | null = null;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const upper = line.toUpperCase();
    if ((SECTIONS as readonly string[]).includes(upper)) {
      section = upper as (typeof SECTIONS)[number];
      continue;
    }
    if (!section) throw new PbFormatError('文件应以 META 段开头');
    rows[section].push(splitRow(line));
  }
  if (rows.META.length === 0) throw new PbFormatError('缺少 META 段');
  const meta: Record<string, string> = {};
  for (const [key, value] of rows.META.slice(1)) if (key) meta[key.trim()] = (value ?? '').trim();
  const projects = records(rows.PROJECTS, 'PROJECTS', ['project_id', 'cost']);
  const votes = records(rows.VOTES, 'VOTES', ['voter_id', 'vote']);
  if (!('budget' in meta)) throw new PbFormatError('META 段缺少 budget');
  return { meta, projects, votes };
}

/** The election a `.pb` file describes: its budget, its projects in file order and each voter's approvals. */
export function electionOf(file: PbFile): Election {
  const budget = Number(file.meta.budget);
  if (!Number.isFinite(budget) || budget < 0) throw new PbFormatError(`budget 不是有效金额：${file.meta.budget}`);
  const type = file.meta.vote_type ?? 'approval';
  if (type !== 'approval') throw new PbFormatError(`只支持 approval 选票，本文件是 ${type}`);
  const projects = file.projects.map((row) => {
    const cost = Number(row.cost);
    if (!Number.isFinite(cost) || cost < 0) throw new PbFormatError(`项目 ${row.project_id} 的 cost 无效：${row.cost}`);
    return { id: row.project_id, cost };
  });
  const ballots = file.votes.map((row) => (row.vote ?? '').split(',').map((id) => id.trim()).filter(Boolean));
  return { budget, projects, ballots };
}

export function formatPb(file: PbFile): string {
  const lines = ['META', 'key;value', ...Object.entries(file.meta).map(([k, v]) => row([k, v]))];
  lines.push('PROJECTS', ...table(file.projects, ['project_id', 'cost']));
  lines.push('VOTES', ...table(file.votes, ['voter_id', 'vote']));
  return `${lines.join('\n')}\n`;
}

function table(records: Record<string, string>[], first: string[]): string[] {
  const columns = [...first];
  for (const r of records) for (const key of Object.keys(r)) if (!columns.includes(key)) columns.push(key);
  return [columns.join(';'), ...records.map((r) => row(columns.map((c) => r[c] ?? '')))];
}

function row(fields: string[]): string {
  return fields.map((f) => (/[;"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';');
}

function records(rows: string[][], name: string, required: string[]): Record<string, string>[] {
  if (rows.length === 0) throw new PbFormatError(`缺少 ${name} 段`);
  const header = rows[0].map((h) => h.trim());
  for (const column of required) if (!header.includes(column)) throw new PbFormatError(`${name} 段缺少 ${column} 列`);
  return rows.slice(1).map((fields) => Object.fromEntries(header.map((h, i) => [h, (fields[i] ?? '').trim()])));
}

/** One `;`-separated line; a quoted field may hold `;` and doubled quotes. */
function splitRow(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
