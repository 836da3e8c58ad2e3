import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electionOf, equalShares, greedy, parsePb, profileOf, type Election } from '@shared/budget/tally';
import type { Row } from '../table';

/**
 * How fast the 创享计划 tallies run: MES with add1 (equalshares.net's reference completion) and greedy, on
 * generated rounds and on the real pabulib instances beside the repository. Each figure is the median of a few
 * warm runs (the first run also pays for the JIT), from the ballots to the winners, folding included.
 */
export async function budget(): Promise<Row[]> {
  const rows: Row[] = [];
  const instances: [name: string, election: Election, mesLimit?: number][] = [
    ['生成 10,000人 × 50项', generated(10_000, 50, 1)],
    ['生成 100,000人 × 100项', generated(100_000, 100, 2), 1000],
  ];
  const pabulib = join(__dirname, '../../../shared/pabulib');
  for (const [file, label, limit] of [
    ['poland_wieliczka_2023_green-budget.pb', 'Wieliczka 2023（6,586人 × 64项）', 100],
    ['poland_warszawa_2021_bielany.pb', 'Warszawa Bielany 2021 抽样（409人 × 132项）'],
    ['netherlands_amsterdam_2022_west.pb', 'Amsterdam West 2022 抽样（412人 × 62项）'],
    ['hungary_budapest_2024.pb', 'Budapest 2024 抽样（402人 × 175项）'],
  ] as [string, string, number?][]) {
    instances.push([label, electionOf(parsePb(readFileSync(join(pabulib, file), 'utf8'))), limit]);
  }
  for (const [name, election, limit] of instances) {
    let runs = 0;
    const mes = median(() => {
      runs = equalShares(profileOf(election)).runs;
    });
    rows.push({ section: 'budget', figure: `MES+add1 ${name}（${runs}次MES）`, value: mes, unit: 'ms', ...(limit ? { limit: `${limit} ms`, ok: mes <= limit } : {}) });
    rows.push({ section: 'budget', figure: `greedy ${name}`, value: median(() => greedy(profileOf(election))), unit: 'ms' });
  }
  return rows;
}

/** The median of five timed runs after one warm-up, in ms to a tenth. */
function median(run: () => void): number {
  run();
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return Math.round(times[2] * 10) / 10;
}

/**
 * A reproducible round: costs 1,000–50,000 yuan, some projects far more popular than others, ballots of 1–6
 * approvals, and a budget of a third of what everything costs.
 */
function generated(voters: number, projects: number, seed: number): Election {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const list = Array.from({ length: projects }, (_, i) => ({ id: `p${i + 1}`, cost: 1000 * (1 + Math.floor(random() * 50)) }));
  const appeal = list.map(() => random() ** 2);
  const ballots = Array.from({ length: voters }, () => {
    const wanted = 1 + Math.floor(random() * 6);
    const chosen = new Set<string>();
    while (chosen.size < wanted) {
      const i = Math.floor(random() * projects);
      if (random() < 0.3 + appeal[i]) chosen.add(list[i].id);
    }
    return [...chosen];
  });
  return { budget: Math.round(list.reduce((sum, p) => sum + p.cost, 0) / 3), projects: list, ballots };
}
