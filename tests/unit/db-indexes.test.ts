import { collections } from '../../cloudfunctions/core/store/schema';

const COLLECTIONS = collections();
import { consoleChecklist, indexPlan } from '../../scripts/db-indexes';

test('the plan lists every declared collection and index, with the names SQLite uses', () => {
  const plan = indexPlan();
  expect(plan.map((c) => c.collection)).toEqual(Object.keys(COLLECTIONS));
  const users = plan.find((c) => c.collection === 'users');
  expect(users?.indexes[0]).toEqual({ name: 'users_openid_unique', unique: true, fields: [{ field: 'openid', order: 'asc' }] });
  expect(plan.flatMap((c) => c.indexes).length).toBe(Object.values(COLLECTIONS).flat().length);
});

test('the checklist names each index, its uniqueness and its fields in order', () => {
  const text = consoleChecklist(indexPlan({ demo: [{ fields: [['a.b', 'asc'], ['c', 'desc']], unique: true }], empty: [] }));
  expect(text).toContain('集合 demo');
  expect(text).toContain('demo_a_b_c_unique');
  expect(text).toContain('唯一；字段：a.b 升序，c 降序');
  expect(text).toContain('集合 empty（无需额外索引）');
  expect(text).toContain('共 2 个集合，1 个索引。');
});
