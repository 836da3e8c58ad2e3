import { startCloud, type TestCloud } from '../support/cloud';

let cloud: TestCloud;
beforeAll(async () => (cloud = await startCloud()));
afterAll(() => cloud.close());

test('staff publish a notice; a resident lists and reads it and the reader count rises once', async () => {
  const staff = await cloud.login('demo-staff');
  const resident = await cloud.login('demo-resident-1');
  const draft = await staff.ok('notice', 'create', { communityId: 'c_xingfuli', category: '通知', title: '电梯检修通知', body: '周五电梯检修。' });
  expect(draft.status).toBe('draft');
  await staff.ok('notice', 'publish', { id: draft.id });
  const feed = await resident.ok('notice', 'list', {});
  expect(feed.items.map((n) => n.id)).toContain(draft.id);
  await resident.ok('notice', 'get', { id: draft.id });
  const again = await resident.ok('notice', 'get', { id: draft.id });
  expect(again.readCount).toBe(1);
  const managed = await staff.ok('notice', 'listManaged', { communityId: 'c_xingfuli' });
  expect(managed.items.find((n) => n.id === draft.id)?.readCount).toBe(1);
});

test('a visitor is refused with FORBIDDEN and nothing is written', async () => {
  const visitor = await cloud.login('demo-visitor');
  const before = cloud.snapshot();
  const res = await visitor.call('notice', 'create', { communityId: 'c_xingfuli', category: '通知', title: '访客公告', body: '内容' });
  expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(cloud.snapshot()).toBe(before);
});
