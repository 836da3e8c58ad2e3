import { DAY_MS } from '@shared/time';
import { expectError } from '../support/expect';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { claimedWish, publishedWish, wishInput, XFL } from '../support/wish';

/** A 微心愿 from the wish to the thanks, over HTTP, with the cron's releases and expiries run by `dev/tick`. */
describe('微心愿 over HTTP', () => {
  let cloud: TestCloud;
  let wisher: Client; // 张阿姨
  let volunteer: Client; // 刘大爷
  let neighbour: Client; // 陈女士
  let staff: Client;
  let visitor: Client;

  beforeAll(async () => {
    cloud = await startCloud({ rateLimitPerMinute: 1000 });
    [wisher, volunteer, neighbour, staff, visitor] = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-staff', 'demo-visitor'].map((o) => cloud.login(o)));
  });
  afterAll(() => cloud.close());

  test('wish → review → claim → fulfil → confirm: points appear on the ledger and the leaderboard, and each step is on the timeline', async () => {
    const submitted = await wisher.ok('wish', 'submit', wishInput());
    expect(submitted).toMatchObject({ status: 'submitted', maskedName: '张**', building: '1号楼', mine: true, contact: { name: '张秀英', phone: '13800138000', address: '1号楼1单元102' } });
    // Not on the wall, and nobody else can open it, until staff publish it.
    expect((await visitor.ok('wish', 'wall', { communityId: XFL })).items.map((w) => w.id)).not.toContain(submitted.id);
    expectError(await volunteer.call('wish', 'get', { id: submitted.id }), 'NOT_FOUND');

    const published = await staff.ok('wish', 'review', { id: submitted.id, approve: true });
    expect(published.status).toBe('published');
    const card = (await visitor.ok('wish', 'wall', { communityId: XFL })).items.find((w) => w.id === submitted.id)!;
    expect(card).toMatchObject({ maskedName: '张**', building: '1号楼', category: '生活用品', title: '想要一台收音机' });
    expect(JSON.stringify(card)).not.toMatch(/13800138000|张秀英|1单元102/);

    const promisedDate = Date.now() + 3 * DAY_MS;
    const claimed = await volunteer.ok('wish', 'claim', { id: submitted.id, promisedDate });
    expect(claimed).toMatchObject({ status: 'claimed', claimedByMe: true, claim: { claimantName: '刘大爷', claimantKind: 'resident' }, contact: { phone: '13800138000', address: '1号楼1单元102' } });
    // The claimant alone sees the contact: not the neighbour, not a visitor.
    expect((await neighbour.ok('wish', 'get', { id: submitted.id })).contact).toBeNull();
    expect((await visitor.ok('wish', 'get', { id: submitted.id })).contact).toBeNull();
    expect((await cloud.anonymous().ok('wish', 'get', { id: submitted.id })).contact).toBeNull();

    const fulfilled = await volunteer.ok('wish', 'fulfil', { id: submitted.id, note: '收音机已送到，教会了张阿姨调台', photos: ['local://wish/radio.jpg'] });
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilment: { photos: ['local://wish/radio.jpg'] } });
    expect((await volunteer.ok('wish', 'myPoints', {})).balance).toBe(0);

    const confirmed = await wisher.ok('wish', 'confirm', { id: submitted.id, thanks: '谢谢刘大爷！' });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmation: { by: 'wisher', thanks: '谢谢刘大爷！' } });
    const points = await volunteer.ok('wish', 'myPoints', {});
    expect(points).toMatchObject({ balance: 10, households: 1 });
    expect(points.entries.items).toEqual([expect.objectContaining({ kind: 'award', points: 10, title: '想要一台收音机' })]);
    const board = await visitor.ok('wish', 'leaderboard', { communityId: XFL, period: 'month' });
    expect(board.rows).toContainEqual(expect.objectContaining({ name: '刘大爷', households: 1, points: 10, rank: 1 }));

    const timeline = await visitor.ok('wish', 'timeline', { id: submitted.id });
    expect(timeline.map((e) => e.label)).toEqual(['许下心愿', '审核通过，上墙', '认领心愿', '报告心愿已实现', '确认完成并致谢']);
    expect(timeline.map((e) => e.to)).toEqual(['submitted', 'published', 'claimed', 'fulfilled', 'confirmed']);

    // The inbox: the wisher heard of the fulfilment at once, of the claim once the cron delivered; the claimant of the thanks.
    await cloud.tick();
    const inbox = await wisher.ok('user', 'inbox', {});
    expect(inbox.items.map((i) => i.title)).toEqual(expect.arrayContaining(['您的心愿有人认领了', '您的心愿已实现，请确认']));
    expect((await volunteer.ok('user', 'inbox', {})).items.map((i) => i.title)).toContain('心愿已完成，感谢您的爱心');
  });

  test('a rejected wish shows its reason to the wisher and staff, and stays hidden from everyone else', async () => {
    const w = await wisher.ok('wish', 'submit', wishInput({ title: '想换个灯泡' }));
    const rejected = await staff.ok('wish', 'review', { id: w.id, approve: false, reason: '物业可以免费更换，已转物业' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '物业可以免费更换，已转物业' });
    expect((await wisher.ok('wish', 'get', { id: w.id })).rejectReason).toBe('物业可以免费更换，已转物业');
    expectError(await volunteer.call('wish', 'get', { id: w.id }), 'NOT_FOUND');
    expectError(await volunteer.call('wish', 'timeline', { id: w.id }), 'NOT_FOUND');
  });

  test('the wisher withdraws before a claim, not after', async () => {
    const w = await publishedWish(wisher, staff, { title: '想学用智能手机' });
    expect((await wisher.ok('wish', 'withdraw', { id: w.id })).status).toBe('withdrawn');
    const taken = await claimedWish(wisher, staff, volunteer);
    expect(expectError(await wisher.call('wish', 'withdraw', { id: taken.id }), 'INVALID_STATE').message).toBe('这个心愿已认领，不能撤回');
  });

  test('the claimant gives up: the wish is back on the wall and the wisher is told', async () => {
    const w = await claimedWish(wisher, staff, volunteer);
    const released = await volunteer.ok('wish', 'release', { id: w.id });
    expect(released).toMatchObject({ status: 'published', claim: null, contact: null });
    await cloud.tick();
    expect((await wisher.ok('user', 'inbox', {})).items[0]).toMatchObject({ title: '您的心愿重新等待认领', body: expect.stringContaining('认领人放弃认领') });
  });

  test('the cron reminds the claimant the day before, releases a claim past its promised day, and expires a wish past its deadline', async () => {
    const w = await claimedWish(wisher, staff, neighbour);
    const due = (await staff.ok('wish', 'get', { id: w.id })).claim!.promisedDate;
    // The day before: one reminder however often the cron runs.
    const dayBefore = due - 2 * 3600_000;
    await cloud.tick(dayBefore);
    await cloud.tick(dayBefore + 300_000);
    const reminders = (await neighbour.ok('user', 'inbox', {})).items.filter((i) => i.title === '您认领的心愿快到承诺日期了');
    expect(reminders).toHaveLength(1);

    const report = await cloud.tick(due + 2 * DAY_MS);
    expect(report.ok && report.data.jobs.find((j) => j.name === 'wish.releaseOverdue')?.done).toBeGreaterThanOrEqual(1);
    const after = await neighbour.ok('wish', 'get', { id: w.id });
    expect(after).toMatchObject({ status: 'published', claim: null });
    expect((await visitor.ok('wish', 'timeline', { id: w.id })).map((e) => e.label)).toContain('超过承诺日期，认领取消');

    // Nobody takes it up again by its deadline: it expires, and stops counting against the wisher.
    await cloud.tick(after.deadline + 1);
    expect((await wisher.ok('wish', 'get', { id: w.id })).status).toBe('expired');
  });

  test('代办: staff record a wish for an elder without an account, a volunteer does it, staff confirm by phone', async () => {
    const w = await staff.ok('wish', 'proxySubmit', {
      communityId: XFL,
      name: '王阿姨',
      building: '4号楼',
      address: '2单元102',
      phone: '021-62345678',
      title: '想请人帮忙修理门锁',
      description: '',
      category: '维修帮忙',
      estimatedValue: 50,
      deadline: Date.now() + 7 * DAY_MS,
    });
    expect(w).toMatchObject({ status: 'published', proxy: true, maskedName: '王阿姨', building: '4号楼' });
    expect((await visitor.ok('wish', 'get', { id: w.id })).contact).toBeNull();
    const claimed = await volunteer.ok('wish', 'claim', { id: w.id, promisedDate: Date.now() });
    expect(claimed.contact).toEqual({ name: '王阿姨', phone: '021-62345678', address: '4号楼2单元102' });
    const done = await staff.ok('wish', 'confirmByPhone', { id: w.id, note: '电话回访王阿姨，门锁已修好，很满意' });
    expect(done).toMatchObject({ status: 'confirmed', confirmation: { by: 'phone', note: '电话回访王阿姨，门锁已修好，很满意' } });
    expect((await volunteer.ok('wish', 'get', { id: w.id })).confirmation?.note).toBeNull();
    expect((await volunteer.ok('wish', 'myPoints', {})).balance).toBe(20);
  });

  test('a 爱心单位 applies, staff grant it, it claims under its own name; a correction reverses its points', async () => {
    const org = await cloud.login('org-aixin-market');
    const me = await org.ok('user', 'me', {});
    const w = await publishedWish(wisher, staff, { title: '想要一套冬季棉被' });
    expectError(await org.call('wish', 'claim', { id: w.id, promisedDate: Date.now() }), 'FORBIDDEN');
    await org.ok('wish', 'applyOrg', { communityId: XFL, orgName: '平安大药房', contactPhone: '13900139000' });
    expect((await staff.ok('wish', 'listOrgs', { communityId: XFL })).items[0]).toMatchObject({ orgName: '平安大药房', status: 'pending' });
    await staff.ok('wish', 'grantOrg', { communityId: XFL, userId: me.id });
    expect((await org.ok('user', 'me', {})).roles).toContainEqual({ communityId: XFL, role: 'org' });

    const claimed = await org.ok('wish', 'claim', { id: w.id, promisedDate: Date.now() });
    expect(claimed.claim).toMatchObject({ claimantName: '平安大药房', claimantKind: 'org' });
    await org.ok('wish', 'fulfil', { id: w.id, note: '棉被已送到', photos: [] });
    await staff.ok('wish', 'confirm', { id: w.id, thanks: '' });
    const points = await org.ok('wish', 'myPoints', {});
    expect(points.balance).toBe(10);

    const corrected = await staff.ok('wish', 'correctPoints', { entryId: points.entries.items[0].id, reason: '重复登记，予以冲正' });
    expect(corrected).toMatchObject({ kind: 'reversal', points: -10 });
    expect((await org.ok('wish', 'myPoints', {})).balance).toBe(0);
    expect(expectError(await staff.call('wish', 'correctPoints', { entryId: points.entries.items[0].id, reason: '再次冲正' }), 'CONFLICT').message).toBe('这条积分已经更正过了');
    const board = await visitor.ok('wish', 'leaderboard', { communityId: XFL, period: 'all' });
    expect(board.rows.map((r) => r.name)).not.toContain('平安大药房');

    await staff.ok('wish', 'revokeOrg', { communityId: XFL, userId: me.id });
    const another = await publishedWish(wisher, staff, { title: '想要一盏台灯' });
    expectError(await org.call('wish', 'claim', { id: another.id, promisedDate: Date.now() }), 'FORBIDDEN');
  });

  test('my wishes, my claims and the staff list by state', async () => {
    const mine = await wisher.ok('wish', 'mine', {});
    expect(mine.items.length).toBeGreaterThan(3);
    expect(mine.items.every((w) => w.mine && w.contact !== null)).toBe(true);
    const claims = await volunteer.ok('wish', 'myClaims', {});
    expect(claims.items.every((w) => w.claimedByMe)).toBe(true);
    const queue = await staff.ok('wish', 'manage', { communityId: XFL, status: 'confirmed' });
    expect(queue.items.length).toBeGreaterThanOrEqual(2);
    expect(queue.items.every((w) => w.status === 'confirmed')).toBe(true);
  });

  test('privacy: the export lists my wishes and claims; deleting my account withdraws my open wishes and wipes my contact', async () => {
    const person = await cloud.login('wish-privacy');
    const me = await person.ok('user', 'applyResidency', { communityId: XFL, building: '8号楼', unit: '1单元808' });
    await staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
    const w = await publishedWish(person, staff, { name: '孙桂芝', phone: '13612345678', title: '想要一把新雨伞' });
    const data = await person.ok('user', 'exportMyData', {});
    expect(data.records.wishes).toEqual([expect.objectContaining({ _id: w.id, phone: '13612345678' })]);
    await person.ok('user', 'deleteMe', { confirm: '删除' });
    const after = await staff.ok('wish', 'get', { id: w.id });
    expect(after).toMatchObject({ status: 'withdrawn', maskedName: '已注销用户', contact: { name: '已注销用户', phone: '' } });
    expect((await visitor.ok('wish', 'wall', { communityId: XFL })).items.map((i) => i.id)).not.toContain(w.id);
  });
});
