import { decide } from '@shared/consultation/decision';
import type { Row } from '../table';

/**
 * How fast a consultation's result is decided from its counts: the pure rule on a large meeting, many
 * times over. (Counting the ballots themselves is database work, measured in the db ops section.)
 */
export async function tally(): Promise<Row[]> {
  const runs = 100_000;
  const start = performance.now();
  let decided = 0;
  for (let i = 0; i < runs; i++) {
    const counts = [i % 500, (i * 7) % 500, (i * 13) % 500];
    if (decide({ rule: i % 2 ? 'majority' : 'two_thirds', quorum: 300, attendance: 1500, counts }).outcome === 'decided') decided++;
  }
  const ms = performance.now() - start;
  return [{ section: 'tally', figure: `议事表决判定 ${runs}次（3个选项，${decided}次形成决定）`, value: Math.round(ms * 10) / 10, unit: 'ms' }];
}
