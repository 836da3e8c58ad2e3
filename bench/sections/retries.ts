import { startCloud } from '../../tests/support/cloud';
import { cast, consultationAt, crowd } from '../../tests/support/consultation';
import { percentile, type Row } from '../table';

const SIGNUPS = 200;
const SEATS = 20;

/**
 * Retries per transaction (runs after the first) when 200 residents sign up for one consultation at the same
 * moment, on the memory store: CloudBase's write conflicts, and the retry policy the CloudBase adapter uses.
 */
export async function retries(): Promise<Row[]> {
  const cloud = await startCloud({ store: 'memory' });
  try {
    const people = await cast(cloud);
    const residents = await crowd(cloud, people.staff, SIGNUPS, 'bench');
    const c = await consultationAt(cloud, people, 4, { openSeats: SEATS });
    const from = cloud.transactions.length;
    const answers = await Promise.all(residents.map((r) => r.call('consultation', 'signUp', { id: c.id })));
    const outcomes = cloud.transactions.slice(from);
    const sorted = outcomes.map((o) => o.runs - 1).sort((a, b) => a - b);
    const figure = (name: string) => `consultation.signUp ${name}（内存库，${SIGNUPS}人同时报名）`;
    return [
      { section: 'retries', figure: figure('每事务重试 p50'), value: percentile(sorted, 50), unit: '次' },
      { section: 'retries', figure: figure('每事务重试 p95'), value: percentile(sorted, 95), unit: '次' },
      { section: 'retries', figure: figure('每事务重试 最多'), value: sorted[sorted.length - 1] ?? 0, unit: '次' },
      { section: 'retries', figure: figure('未成功'), value: answers.filter((a) => !a.ok).length, unit: `/ ${SIGNUPS}`, limit: 0, ok: answers.every((a) => a.ok) },
    ];
  } finally {
    await cloud.close();
  }
}
