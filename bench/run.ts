import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { budget } from './sections/budget';
import { dashboard } from './sections/dashboard';
import { latency } from './sections/latency';
import { ops } from './sections/ops';
import { retries } from './sections/retries';
import { sizes } from './sections/sizes';
import { tally } from './sections/tally';
import { printTable, type Row, type Section } from './table';

/** Sections in the order they print. Add one by writing `bench/sections/<name>.ts` and listing it here. */
const SECTIONS: [string, Section][] = [
  ['sizes', sizes],
  ['ops', ops],
  ['latency', latency],
  ['retries', retries],
  ['tally', tally],
  ['budget', budget],
  ['dashboard', dashboard],
];

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows: Row[] = [];
  for (const [name, section] of SECTIONS) {
    if (only.length && !only.includes(name)) continue;
    rows.push(...(await section()));
  }
  printTable(rows);
  const dir = resolve(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
  console.log(`\n已写入 ${file}`);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
