import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import type { RoundDoc } from '../../cloudfunctions/budget/records';
import { seedDemo } from '../../local-cloud/seed';

test('the demo street has a 创享计划 round in voting and last year\'s counted round, where the two rules differ', async () => {
  const store = new MemoryStore();
  await seedDemo(store, Date.UTC(2026, 11, 1));
  const voting = (await store.get<RoundDoc>('budgetRounds', 'br_demo_voting'))!;
  expect(voting).toMatchObject({ phase: 'voting', results: null });
  expect(await store.count('budgetBallots', { roundId: voting._id })).toBe(36);
  const last = (await store.get<RoundDoc>('budgetRounds', 'br_demo_2025'))!;
  const title = (id: string) => last.ballotProjects.find((p) => p.id === id)!.title;
  expect(last.results!.mes.winners.map(title)).not.toEqual(last.results!.greedy.winners.map(title));
  expect(last.results!.greedy.winners.map(title)).toContain('中心广场翻新');
  expect(last.results!.voters).toBe(60);
});
