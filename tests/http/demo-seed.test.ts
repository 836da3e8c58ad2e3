/**
 * `npm start`'s demo street with its activity: one consultation at each of the six steps, opinions with 附议, all
 * made through the real actions. Checked here through the actions every role's pages call.
 */
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { seedDemo } from '../../local-cloud/seed';
import { startCloud, type TestCloud } from '../support/cloud';

// A ceiling for slow shared machines, not a timing assertion.
jest.setTimeout(30_000);

const XFL = 'c_xingfuli';
const NOW = Date.UTC(2026, 11, 2, 2, 0);
let cloud: TestCloud;
let seedMs: number;

beforeAll(async () => {
  cloud = await startCloud({ seed: false, now: NOW });
  const started = Date.now();
  expect(await seedDemo(cloud.store, NOW, { activity: true })).toBe(true);
  seedMs = Date.now() - started;
});
afterAll(() => cloud.close());

test('one consultation stands at each of the six steps, all hosted by the demo host', async () => {
  const host = await cloud.login('demo-host');
  const hosted = await host.ok('consultation', 'list', { communityId: XFL, hostedByMe: true, limit: 20 });
  expect(hosted.items.map((c) => c.step).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  expect(hosted.items.every((c) => c.state === 'active' && c.hostName === '王大姐')).toBe(true);
});

test('each consultation holds what its step needs, as a visitor reads it', async () => {
  const visitor = cloud.anonymous();
  const summaries = (await visitor.ok('consultation', 'list', { communityId: XFL, limit: 20 })).items;
  const at = async (step: number) => visitor.ok('consultation', 'get', { id: summaries.find((c) => c.step === step)!.id });

  const collecting = await at(1);
  expect(collecting.collectTo).toBeGreaterThan(NOW);
  expect(collecting.opinionCount).toBe(2);
  expect((await at(3)).topic?.title).toBe('助餐点是否提前到11点开餐');
  const announced = await at(4);
  expect(announced.noticeId).not.toBeNull();
  expect(announced.seatsTaken).toBe(2);
  expect(announced.plan!.meetingAt).toBeGreaterThan(NOW);
  const meeting = await at(5);
  expect(meeting.meetingOpenedAt).toBeLessThanOrEqual(NOW);
  expect(meeting.voteState).toBe('open');
  expect(meeting.attendanceCount).toBe(4);
  const reported = await at(6);
  expect(reported.result).toMatchObject({ outcome: 'decided', winner: 0, counts: [2, 1] });
  expect(reported.reportNoticeId).not.toBeNull();
  expect(reported.minutes).toContain('同意');

  const notices = await visitor.ok('notice', 'list', { communityId: XFL, limit: 50 });
  expect(notices.items.map((n) => n.category)).toEqual(expect.arrayContaining(['协商公告', '结果公示']));
});

test('the opinion pool has opinions with 附议, and residents find something to do', async () => {
  const zhang = await cloud.login('demo-resident-1');
  const pool = await zhang.ok('consultation', 'listOpinions', { communityId: XFL, sort: 'support', limit: 50 });
  expect(pool.items.length).toBe(10);
  expect(pool.items[0].supportCount).toBe(3);
  expect(pool.items.some((o) => o.mine)).toBe(true);
  expect(pool.items.some((o) => !o.mine && !o.supportedByMe)).toBe(true);

  // 张阿姨 checked in at the meeting going on and has not voted yet.
  const meeting = (await zhang.ok('consultation', 'list', { communityId: XFL, step: 5 })).items[0];
  expect((await zhang.ok('consultation', 'get', { id: meeting.id })).me).toMatchObject({ status: 'seated', checkedIn: true, voted: false });
  await zhang.ok('consultation', 'vote', { id: meeting.id, choice: 0 });
});

test('the timeline and the audit chain are the real ones, and the chain verifies once sealed', async () => {
  const staff = await cloud.login('demo-staff');
  const reported = (await staff.ok('consultation', 'list', { communityId: XFL, step: 6 })).items[0];
  const labels = (await staff.ok('consultation', 'timeline', { id: reported.id })).map((t) => t.label);
  expect(labels).toEqual(expect.arrayContaining(['发起议事', '发布协商公告', '开始会议', '结束表决', '发布结果公示']));
  while (await sealAudit(cloud.store, 'all', NOW + SEALING_WINDOW_MS));
  expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: true, brokenAt: null });
});

test('the same `now` tells the same story, and it is quick', async () => {
  const again = await startCloud({ seed: false, now: NOW });
  try {
    await seedDemo(again.store, NOW, { activity: true });
    const story = async (c: TestCloud) =>
      (await c.anonymous().ok('consultation', 'list', { communityId: XFL, limit: 20 })).items.map(({ theme, step, meetingAt, updatedAt }) => ({ theme, step, meetingAt, updatedAt }));
    expect(await story(again)).toEqual(await story(cloud));
  } finally {
    await again.close();
  }
  expect(seedMs).toBeLessThan(5000);
});

test('the staff dashboard opens onto half a year of 微心愿, folded from the audit log as the cron would', async () => {
  const staff = await cloud.login('demo-staff');
  const year = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'custom', from: '2026-06', to: '2026-12' });
  const wishes = year.groups.find((g) => g.title === '微心愿')!;
  const submitted = wishes.trends.find((t) => t.key === 'submitted')!.values;
  expect(submitted.filter((m) => (m.value ?? 0) > 0).length).toBeGreaterThanOrEqual(5);
  expect(wishes.figures.find((f) => f.key === 'confirmed')!.value).toBe(8);
  expect(year.participants.byMonth.filter((m) => m.unique > 0).length).toBeGreaterThanOrEqual(5);
  // Four neighbours rated each finished 创享计划 project: 2 满意, 1 基本满意, 1 不满意.
  const rate = year.groups.find((g) => g.title === '满意度')!.figures.find((f) => f.key === 'rate')!.value;
  expect(rate).toBe(0.75);
  const admin = await cloud.login('demo-admin');
  const street = await admin.ok('dashboard', 'street', { period: 'custom', from: '2026-06', to: '2026-12' });
  expect(street.communities.map((c) => c.communityId)).toEqual(expect.arrayContaining([XFL, 'c_heping']));
});
