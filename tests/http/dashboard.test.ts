import { Workbook } from 'exceljs';
import { DAY_MS, startOfShanghaiDay } from '@shared/time';
import { instantOf } from '@shared/room/rules';
import { dayFrom, DEMO_ROOMS, rangeInput } from '../support/room';
import { monthOf } from '@shared/dashboard/periods';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectError, refusedUnchanged } from '../support/expect';
import { wishInput, XFL } from '../support/wish';

const HEPING = 'c_heping';

/** The staff dashboard over HTTP: figures folded by the cron from what residents did, who may see them, and the Excel lists. */
describe('dashboard over HTTP', () => {
  let cloud: TestCloud;
  let clock: number;
  let zhang: Client; // 张阿姨, wishes
  let liu: Client; // 刘大爷, claims
  let chen: Client; // 陈女士, an opinion and a 附议
  let wu: Client; // 吴奶奶 of 和平
  let staff: Client;
  let hepingStaff: Client;
  let admin: Client;

  beforeAll(async () => {
    clock = Date.now();
    cloud = await startCloud({ now: clock, rateLimitPerMinute: 1000 });
    [zhang, liu, chen, wu, staff, hepingStaff, admin] = await Promise.all(
      ['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-heping', 'demo-staff', 'demo-staff-heping', 'demo-admin'].map((o) => cloud.login(o)),
    );
    const wish = await zhang.ok('wish', 'submit', wishInput({ deadline: clock + 14 * DAY_MS }));
    await staff.ok('wish', 'review', { id: wish.id, approve: true });
    await liu.ok('wish', 'claim', { id: wish.id, promisedDate: clock + 3 * DAY_MS });
    await liu.ok('wish', 'fulfil', { id: wish.id, note: '收音机已送到', photos: [] });
    await zhang.ok('wish', 'confirm', { id: wish.id, thanks: '谢谢刘大爷！' });
    const opinion = await chen.ok('consultation', 'submitOpinion', { communityId: XFL, title: '小区缺少休息座椅', description: '老人散步没处坐', category: '设施维修' });
    await zhang.ok('consultation', 'support', { id: opinion.id });
    await wu.ok('consultation', 'submitOpinion', { communityId: HEPING, title: '楼道灯坏了', description: '3号楼二层', category: '设施维修' });
  }, 60_000);
  afterAll(() => cloud.close());

  /** The cron, past the sealing window, as the timer would run it a few minutes later. */
  const fold = () => cloud.tick(clock + 2 * 60_000);

  test('nothing shows until the cron has folded the entries; then staff see their community’s participants and figures', async () => {
    const before = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'month' });
    expect(before.participants.unique).toBe(0);
    expect(before.foldedUpTo).toBeNull();

    await fold();
    const view = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'month' });
    expect(view.period).toMatchObject({ kind: 'month', months: [monthOf(clock)] });
    expect(view.foldedUpTo).toBe(clock + 2 * 60_000 - 60_000);
    // 张阿姨 (wish, 附议), 刘大爷 (claim), 陈女士 (opinion): 3 people, 4 actions. 吴奶奶 is 和平's.
    expect(view.participants.unique).toBe(3);
    const kinds = Object.fromEntries(view.participants.byKind.map((k) => [k.kind, [k.actions, k.unique]]));
    expect(kinds).toMatchObject({ wish: [1, 1], claim: [1, 1], opinion: [1, 1], support: [1, 1], vote: [0, 0] });
    const wishes = view.groups.find((g) => g.title === '微心愿')!;
    const figure = (key: string) => wishes.figures.find((f) => f.key === key)!.value;
    expect([figure('submitted'), figure('fulfilled'), figure('confirmed'), figure('medianDays'), figure('points')]).toEqual([1, 1, 1, 0, 10]);
    expect(view.groups.find((g) => g.title === '满意度')!.figures.find((f) => f.key === 'rate')!.value).toBeNull();
  });

  test('a second run folds nothing twice', async () => {
    const first = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'year' });
    const report = await fold();
    expect(report.ok && report.data.jobs.find((j) => j.name === 'dashboard.fold')).toMatchObject({ done: 0 });
    expect(await staff.ok('dashboard', 'community', { communityId: XFL, period: 'year' })).toEqual(first);
  });

  test('the admin sees the street: its communities summed and side by side', async () => {
    const view = await admin.ok('dashboard', 'street', { period: 'quarter' });
    expect(view.communityId).toBeNull();
    expect(view.participants.unique).toBe(4);
    expect(view.communities).toEqual(
      expect.arrayContaining([
        { communityId: XFL, participants: 3, actions: 4 },
        { communityId: HEPING, participants: 1, actions: 1 },
      ]),
    );
    // The admin may open any one community too.
    expect((await admin.ok('dashboard', 'community', { communityId: HEPING, period: 'quarter' })).participants.unique).toBe(1);
  });

  test('staff see only their own community, never the street; residents and visitors are refused', async () => {
    expectError(await hepingStaff.call('dashboard', 'community', { communityId: XFL, period: 'month' }), 'FORBIDDEN');
    expectError(await staff.call('dashboard', 'street', { period: 'month' }), 'FORBIDDEN');
    expectError(await zhang.call('dashboard', 'community', { communityId: XFL, period: 'month' }), 'FORBIDDEN');
    expectError(await zhang.call('dashboard', 'exportList', { communityId: XFL }), 'FORBIDDEN');
    expectError(await cloud.anonymous().call('dashboard', 'community', { communityId: XFL, period: 'month' }), 'UNAUTHENTICATED');
  });

  test('a custom period names both months in order', async () => {
    expect(expectError(await staff.call('dashboard', 'community', { communityId: XFL, period: 'custom', from: '2026-05' }), 'VALIDATION').fields).toEqual({ to: '请选择结束月份' });
    expect(expectError(await staff.call('dashboard', 'community', { communityId: XFL, period: 'custom', from: '2026-05', to: '2026-03' }), 'VALIDATION').message).toBe('结束月份不能早于起始月份');
    const view = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'custom', from: '2026-03', to: '2026-05' });
    expect(view.period.months).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  test('staff download a declared list as Excel: the rows are the community’s, and the export is on the audit log', async () => {
    const list = await staff.ok('dashboard', 'exportList', { communityId: XFL });
    expect(list.map((e) => e.key)).toEqual(expect.arrayContaining(['residents', 'notices', 'consultations', 'signups', 'wishes', 'budgetProposals', 'budgetBallots']));
    const file = await staff.ok('dashboard', 'exportExcel', { communityId: XFL, key: 'wishes' });
    const wishes = await cloud.store.count('wishes', { communityId: XFL });
    expect(file).toMatchObject({ rows: wishes, url: expect.stringMatching(/^\/files\/exports\/dashboard\/c_xingfuli-wishes-[0-9a-f]+\.xlsx$/) });
    const res = await fetch(`${cloud.url}${file.url}`);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('微心愿')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(wishes + 1);
    expect(rows[0].slice(0, 5)).toEqual(['编号', '提交时间', '状态', '类别', '心愿']);
    // Newest first: the radio, with the wisher's contact and its claimant.
    expect(rows[1]).toEqual(expect.arrayContaining(['已完成', '想要一台收音机', '张秀英', '13800138000', '刘大爷']));

    const residents = await staff.ok('dashboard', 'exportExcel', { communityId: XFL, key: 'residents' });
    expect(residents.rows).toBeGreaterThanOrEqual(5);

    const { items } = await cloud.store.query<{ _id: string; action: string; targetId: string; actorRole: string; communityId: string }>('audit', { where: { action: 'dashboard.export' }, limit: 10 });
    expect(items.map((e) => [e.communityId, e.targetId, e.actorRole])).toEqual([
      [XFL, 'wishes', 'staff'],
      [XFL, 'residents', 'staff'],
    ]);
  });

  test('the street admin gets lists without personal data only; refusals write nothing', async () => {
    const list = await admin.ok('dashboard', 'exportList', { communityId: XFL });
    expect(list.every((e) => !e.personal)).toBe(true);
    expect(list.map((e) => e.key)).not.toContain('residents');
    expect((await admin.ok('dashboard', 'exportExcel', { communityId: XFL, key: 'notices' })).rows).toBeGreaterThanOrEqual(0);
    await refusedUnchanged(cloud, 'FORBIDDEN', () => admin.call('dashboard', 'exportExcel', { communityId: XFL, key: 'residents' }));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => hepingStaff.call('dashboard', 'exportExcel', { communityId: XFL, key: 'wishes' }));
    await refusedUnchanged(cloud, 'NOT_FOUND', () => staff.call('dashboard', 'exportExcel', { communityId: XFL, key: 'nothing' }));
  });
});

/** 活动室 on the dashboard: bookings, hours used against the hours open, no-shows, and the bookings list. */
describe('dashboard: 活动室', () => {
  let cloud: TestCloud;
  let T0: number;
  beforeAll(async () => {
    T0 = startOfShanghaiDay(Date.now()) + 6 * 3600_000;
    cloud = await startCloud({ now: T0, rateLimitPerMinute: 10_000 });
  }, 60_000);
  afterAll(() => cloud.close());

  test('a booking used and one not shown up for: counted, hours used, and the rooms’ open hours sampled', async () => {
    const [staff, zhang, liu] = await Promise.all(['demo-staff', 'demo-resident-1', 'demo-resident-2'].map((o) => cloud.login(o)));
    const day = dayFrom(T0, 1);
    const used = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day, '09:00', '10:30', { purpose: '太极拳' }));
    await liu.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day, '14:00', '15:00', { purpose: '下棋' }));
    cloud.setNow(instantOf(day, '08:55'));
    await staff.ok('room', 'markCheckedIn', { id: used.id });
    // The cron at the end of the day: the first completes, the second was a no-show; then the fold and the sampling.
    await cloud.tick(instantOf(day, '20:00'));
    await cloud.tick(instantOf(day, '20:05'));
    const view = await staff.ok('dashboard', 'community', { communityId: XFL, period: 'custom', from: monthOf(T0), to: monthOf(instantOf(day, '20:05')) });
    const rooms = view.groups.find((g) => g.title === '活动室')!;
    const figure = (key: string) => rooms.figures.find((f) => f.key === key)!.value;
    expect([figure('bookings'), figure('completed'), figure('hours'), figure('noShows')]).toEqual([2, 1, 1.5, 1]);
    expect(figure('utilisation')).toBeGreaterThan(0);
    expect(figure('utilisation')).toBeLessThan(0.01);
    expect(view.participants.byKind.find((k) => k.kind === 'booking')!.actions).toBe(2);

    const file = await staff.ok('dashboard', 'exportExcel', { communityId: XFL, key: 'bookings' });
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(`${cloud.url}${file.url}`)).arrayBuffer()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('活动室预约')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.filter((r) => r.includes('太极拳') || r.includes('下棋')).map((r) => r[6])).toEqual(expect.arrayContaining(['已完成', '未签到']));
  });
});
