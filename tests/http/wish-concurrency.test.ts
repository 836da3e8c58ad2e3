import { DAY_MS } from '@shared/time';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { crowd } from '../support/consultation';
import { refusedUnchanged } from '../support/expect';
import { claimedWish, publishedWish, wishInput, XFL } from '../support/wish';

/**
 * The 微心愿 invariants under many simultaneous requests, on SQLite (one transaction at a time) and on the memory
 * store with CloudBase's snapshot-isolated transactions, where the requests really interleave. Then the refusals:
 * each gets its own code and writes nothing.
 */
describe.each(['sqlite', 'memory'] as const)('on the %s store', (kind) => {
  let cloud: TestCloud;
  let wisher: Client;
  let staff: Client;
  let volunteers: Client[];

  beforeAll(async () => {
    cloud = await startCloud({ store: kind, rateLimitPerMinute: 1000 });
    [wisher, staff] = await Promise.all(['demo-resident-1', 'demo-staff'].map((o) => cloud.login(o)));
    volunteers = await crowd(cloud, staff, 100, 'volunteer');
  }, 120_000);
  afterAll(() => cloud.close());

  test('100 volunteers claim one wish at once: exactly one wins, the others are told 已被认领', async () => {
    const wish = await publishedWish(wisher, staff);
    const promisedDate = Date.now() + 2 * DAY_MS;
    const answers = await Promise.all(volunteers.map((v) => v.call('wish', 'claim', { id: wish.id, promisedDate })));
    const won = answers.filter((a) => a.ok);
    expect(won).toHaveLength(1);
    const lost = answers.filter((a) => !a.ok);
    expect(lost).toHaveLength(99);
    for (const a of lost) expect(a).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已被认领') } });

    const winner = volunteers[answers.findIndex((a) => a.ok)];
    const stored = await winner.ok('wish', 'get', { id: wish.id });
    expect(stored).toMatchObject({ status: 'claimed', claimedByMe: true });
    const claims = (await staff.ok('wish', 'timeline', { id: wish.id })).filter((e) => e.action === 'wish.claim');
    expect(claims).toHaveLength(1);
    const outbox = await cloud.store.query('outbox', { where: { event: 'wish.claimed', 'data.wishId': wish.id } });
    expect(outbox.items).toHaveLength(1);
    if (kind === 'memory') expect(cloud.transactions.some((t) => t.runs > 1)).toBe(true);
  }, 60_000);

  test('one resident submitting 10 wishes at once gets exactly 3 through (the limit), the rest LIMIT_EXCEEDED', async () => {
    const [eager] = await crowd(cloud, staff, 1, `eager-${kind}`);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => eager.call('wish', 'submit', wishInput({ title: `心愿第${i + 1}个` }))));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    expect((await eager.ok('wish', 'mine', {})).items).toHaveLength(3);

    // Closing one frees one place, and only one.
    const first = (await eager.ok('wish', 'mine', {})).items[0];
    await eager.ok('wish', 'withdraw', { id: first.id });
    const again = await Promise.all(Array.from({ length: 5 }, () => eager.call('wish', 'submit', wishInput({ title: '再许一个' }))));
    expect(again.filter((a) => a.ok)).toHaveLength(1);
  }, 60_000);

  test('confirming twice at once (the wisher and staff) confirms once and awards once', async () => {
    const [volunteer] = volunteers;
    const wish = await claimedWish(wisher, staff, volunteer);
    await volunteer.ok('wish', 'fulfil', { id: wish.id, note: '已完成', photos: [] });
    const before = (await volunteer.ok('wish', 'myPoints', {})).balance;
    const answers = await Promise.all([wisher.call('wish', 'confirm', { id: wish.id, thanks: '谢谢' }), staff.call('wish', 'confirm', { id: wish.id, thanks: '' }), wisher.call('wish', 'confirm', { id: wish.id, thanks: '谢谢' })]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect((await volunteer.ok('wish', 'myPoints', {})).balance).toBe(before + 10);
  }, 60_000);
});

describe('refusals write nothing', () => {
  let cloud: TestCloud;
  let wisher: Client;
  let volunteer: Client;
  let staff: Client;
  let visitor: Client;
  let otherResident: Client;
  let otherStaff: Client;

  beforeAll(async () => {
    cloud = await startCloud({ rateLimitPerMinute: 1000 });
    [wisher, volunteer, staff, visitor, otherResident, otherStaff] = await Promise.all(
      ['demo-resident-1', 'demo-resident-2', 'demo-staff', 'demo-visitor', 'demo-resident-heping', 'demo-staff-heping'].map((o) => cloud.login(o)),
    );
    await visitor.ok('user', 'me', {});
    // Staff raise the community's open-wish limit (settings.wish), so one wisher can stand in for many here.
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { wish: { maxOpenWishes: 20 } } });
  });
  afterAll(() => cloud.close());

  const soon = () => Date.now() + DAY_MS;

  test('claiming one’s own wish is FORBIDDEN', async () => {
    const w = await publishedWish(wisher, staff);
    expect((await refusedUnchanged(cloud, 'FORBIDDEN', () => wisher.call('wish', 'claim', { id: w.id, promisedDate: soon() }))).message).toBe('不能认领自己的心愿');
  });

  test('an unverified visitor, and a resident or staff of another community, may not claim', async () => {
    const w = await publishedWish(wisher, staff);
    await refusedUnchanged(cloud, 'FORBIDDEN', () => visitor.call('wish', 'claim', { id: w.id, promisedDate: soon() }));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => otherResident.call('wish', 'claim', { id: w.id, promisedDate: soon() }));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => otherStaff.call('wish', 'review', { id: w.id, approve: true }));
    await refusedUnchanged(cloud, 'UNAUTHENTICATED', () => cloud.anonymous().call('wish', 'claim', { id: w.id, promisedDate: soon() }));
  });

  test('over the value cap is LIMIT_EXCEEDED; an unknown category, a bad phone, a past deadline are VALIDATION', async () => {
    expect((await refusedUnchanged(cloud, 'LIMIT_EXCEEDED', () => wisher.call('wish', 'submit', wishInput({ estimatedValue: 501 })))).fields).toEqual({ estimatedValue: '心愿的估计价值不能超过500元' });
    await refusedUnchanged(cloud, 'VALIDATION', () => wisher.call('wish', 'submit', wishInput({ category: '买房' })));
    expect((await refusedUnchanged(cloud, 'VALIDATION', () => wisher.call('wish', 'submit', wishInput({ phone: '12345' })))).fields?.phone).toMatch('联系电话格式不正确');
    await refusedUnchanged(cloud, 'VALIDATION', () => wisher.call('wish', 'submit', wishInput({ deadline: Date.now() - 2 * DAY_MS })));
    await refusedUnchanged(cloud, 'VALIDATION', () => wisher.call('wish', 'submit', { ...wishInput(), extra: 1 }));
  });

  test('refused text is CONTENT_REJECTED', async () => {
    await refusedUnchanged(cloud, 'CONTENT_REJECTED', () => wisher.call('wish', 'submit', wishInput({ description: '有需要代开发票的联系我' })));
  });

  test('wrong state: claiming an unreviewed wish, fulfilling an unclaimed one, confirming before fulfilment', async () => {
    const submitted = await wisher.ok('wish', 'submit', wishInput({ title: '想要一副老花镜' }));
    await refusedUnchanged(cloud, 'INVALID_STATE', () => volunteer.call('wish', 'claim', { id: submitted.id, promisedDate: soon() }));
    const published = await staff.ok('wish', 'review', { id: submitted.id, approve: true });
    await refusedUnchanged(cloud, 'INVALID_STATE', () => staff.call('wish', 'review', { id: published.id, approve: true }));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => volunteer.call('wish', 'fulfil', { id: published.id, note: '做好了', photos: [] }));
    await volunteer.ok('wish', 'claim', { id: published.id, promisedDate: soon() });
    await refusedUnchanged(cloud, 'INVALID_STATE', () => wisher.call('wish', 'confirm', { id: published.id, thanks: '' }));
    await refusedUnchanged(cloud, 'VALIDATION', () => volunteer.call('wish', 'release', { id: published.id, reason: 'x'.repeat(101) }));
  });

  test('a promise beyond the longest promise is VALIDATION; a neighbour may not report someone else’s claim', async () => {
    const w = await publishedWish(wisher, staff);
    await refusedUnchanged(cloud, 'VALIDATION', () => volunteer.call('wish', 'claim', { id: w.id, promisedDate: Date.now() + 31 * DAY_MS }));
    await volunteer.ok('wish', 'claim', { id: w.id, promisedDate: soon() });
    const neighbour = await cloud.login('demo-resident-3');
    await refusedUnchanged(cloud, 'FORBIDDEN', () => neighbour.call('wish', 'fulfil', { id: w.id, note: '我替他做了', photos: [] }));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => neighbour.call('wish', 'release', { id: w.id }));
  });

  test('the wall and a wish never carry contact details to a visitor, nor to staff of another community', async () => {
    const w = await publishedWish(wisher, staff);
    await volunteer.ok('wish', 'claim', { id: w.id, promisedDate: soon() });
    for (const who of [visitor, otherStaff, otherResident, cloud.anonymous()]) {
      const seen = JSON.stringify([await who.ok('wish', 'get', { id: w.id }), await who.ok('wish', 'wall', { communityId: XFL }), await who.ok('wish', 'timeline', { id: w.id })]);
      expect(seen).not.toMatch(/13800138000|张秀英|1单元102/);
    }
  });
});
