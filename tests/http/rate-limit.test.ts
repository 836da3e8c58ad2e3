/**
 * The per-person rate limit over HTTP: create actions and actions carrying user text count against one budget of
 * RATE_LIMIT_PER_MINUTE per OPENID and minute; the next is refused with the wait in Chinese and writes nothing.
 * The clock is frozen at the start of a minute and moved with `setNow`. The suite runs on the store
 * GONGZHI_STORE names; the burst runs on both stores.
 */
import { contract } from '@shared/contract';
import { isCounted, RATE_COUNTERS, RATE_LIMIT_PER_MINUTE } from '../../cloudfunctions/core/rate-limit';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 24, 2, 0); // the first second of a minute
const XFL = 'c_xingfuli';

const rename = (person: Client, n: number) => person.call('user', 'updateProfile', { nickname: `邻居${n}` });
const counters = (c: ReturnType<typeof withCloud>) => c.cloud().store.query(RATE_COUNTERS, { limit: 100 });

describe('the rate limit', () => {
  const c = withCloud({ now: NOW });

  test(`the ${RATE_LIMIT_PER_MINUTE + 1}st text action in a minute is refused with the wait, writes nothing, and the next minute lifts it`, async () => {
    const resident = await c.cloud().login('demo-resident-1');
    for (let i = 1; i <= RATE_LIMIT_PER_MINUTE; i++) expect((await rename(resident, i)).ok).toBe(true);
    const countersBefore = await counters(c);

    const error = await refusedUnchanged(c.cloud(), 'RATE_LIMITED', () => rename(resident, 31));
    expect(error.message).toBe('操作太频繁，请60秒后再试');
    expect(await counters(c)).toEqual(countersBefore);
    expect((await resident.ok('user', 'me', {})).nickname).toBe(`邻居${RATE_LIMIT_PER_MINUTE}`);

    c.cloud().setNow(NOW + 45_500);
    expect(expectError(await rename(resident, 32), 'RATE_LIMITED').message).toBe('操作太频繁，请15秒后再试');

    c.cloud().setNow(NOW + MINUTE);
    expect(await resident.ok('user', 'updateProfile', { nickname: '下一分钟' })).toMatchObject({ nickname: '下一分钟' });
    c.cloud().setNow(NOW);
  });

  test('create actions and text actions share one budget; reading is not counted', async () => {
    c.cloud().setNow(NOW + 2 * MINUTE);
    const resident = await c.cloud().login('demo-resident-2');
    for (let i = 0; i < 40; i++) await resident.ok('notice', 'list', {});
    const o = await resident.ok('consultation', 'submitOpinion', { communityId: XFL, title: '共用额度', description: '一条意见', category: '其他' });
    for (let i = 1; i < RATE_LIMIT_PER_MINUTE; i++) {
      const res = i % 2 ? await resident.call('consultation', 'comment', { id: o.id, body: `评论${i}` }) : await rename(resident, i);
      expect(res.ok).toBe(true);
    }
    expectError(await resident.call('consultation', 'comment', { id: o.id, body: '多出来的一条' }), 'RATE_LIMITED');
    expect(await c.cloud().store.count('opinionComments', { body: '多出来的一条' })).toBe(0);
    // Reading still goes through.
    await resident.ok('notice', 'list', {});
  });

  test('one person at the limit does not slow anyone else', async () => {
    c.cloud().setNow(NOW + 4 * MINUTE);
    const busy = await c.cloud().login('demo-resident-3');
    const other = await c.cloud().login('demo-resident-4');
    for (let i = 1; i <= RATE_LIMIT_PER_MINUTE; i++) await rename(busy, i);
    expectError(await rename(busy, 0), 'RATE_LIMITED');
    expect((await rename(other, 1)).ok).toBe(true);
  });

  test('a retry with an earlier request key is answered, not refused: it writes nothing', async () => {
    c.cloud().setNow(NOW + 8 * MINUTE);
    const resident = await c.cloud().login('demo-resident-1');
    const input = { communityId: XFL, title: '重试不算次数', description: '同一次提交', category: '其他' as const, requestKey: 'key-rate-replay1' };
    const first = await resident.ok('consultation', 'submitOpinion', input);
    for (let i = 1; i < RATE_LIMIT_PER_MINUTE; i++) await rename(resident, i);
    expectError(await rename(resident, 0), 'RATE_LIMITED');
    expect(await resident.ok('consultation', 'submitOpinion', input)).toEqual(first);
  });

  test('each person has one counter document, reused minute after minute', async () => {
    const page = await counters(c);
    expect(page.items).toHaveLength(4);
    expect(page.items.every((d) => !JSON.stringify(d).includes('demo-'))).toBe(true);
  });
});

describe('the limit is a Runtime option', () => {
  const c = withCloud({ now: NOW, rateLimitPerMinute: 3 });

  test('the local cloud can set it', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    for (let i = 1; i <= 3; i++) await resident.ok('user', 'updateProfile', { nickname: `邻居${i}` });
    expectError(await rename(resident, 4), 'RATE_LIMITED');
  });
});

describe.each(['sqlite', 'memory'] as const)('at once, on the %s store', (kind) => {
  let cloud: TestCloud;
  beforeAll(async () => (cloud = await startCloud({ store: kind, now: NOW })));
  afterAll(() => cloud.close());

  test('of many requests sent at once, exactly the budget gets through', async () => {
    const person = await cloud.login('rl-burst');
    const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => rename(person, i)));
    expect(answers.filter((a) => a.ok)).toHaveLength(RATE_LIMIT_PER_MINUTE);
    expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(45 - RATE_LIMIT_PER_MINUTE);
    const { items } = await cloud.store.query(RATE_COUNTERS, { limit: 100 });
    expect(items).toMatchObject([{ count: RATE_LIMIT_PER_MINUTE }]);
  });

  test('the first requests of a new minute, sent at once, start it afresh and count exactly', async () => {
    cloud.setNow(NOW + MINUTE);
    const person = await cloud.login('rl-burst');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => rename(person, i)));
    expect(answers.every((a) => a.ok)).toBe(true);
    const { items } = await cloud.store.query(RATE_COUNTERS, { limit: 100 });
    expect(items).toMatchObject([{ window: Math.floor((NOW + MINUTE) / MINUTE), count: 10 }]);
  });
});

describe('who is counted', () => {
  test('a call with no signed-in caller is never counted, even a create action with text (a timer runs as nobody)', () => {
    const create = contract.consultation.submitOpinion;
    const input = { communityId: XFL, title: '无人调用', description: '定时任务', category: '其他' };
    expect(isCounted(create, input, null)).toBe(false);
    expect(isCounted(create, input, 'someone')).toBe(true);
    expect(isCounted(contract.user.updateProfile, { nickname: '张阿姨' }, 'someone')).toBe(true);
    expect(isCounted(contract.notice.list, {}, 'someone')).toBe(false);
  });
});
