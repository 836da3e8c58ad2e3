import type { SignupView } from '@shared/contract';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { cast, consultationAt, crowd, type Cast } from '../support/consultation';
import { DAY_MS } from '@shared/time';

/**
 * On SQLite, which runs one transaction at a time, and on the memory store, which has CloudBase's snapshot-isolated
 * transactions: there, simultaneous requests really interleave, and only a write-write conflict (then a retry)
 * stops two of them from both acting on what they read.
 */
describe.each(['sqlite', 'memory'] as const)('on the %s store', (kind) => {
  let cloud: TestCloud;
  let people: Cast;
  let residents200: Client[];

  beforeAll(async () => {
    cloud = await startCloud({ store: kind });
    people = await cast(cloud);
    residents200 = await crowd(cloud, people.staff, 200);
  }, 120_000);
  afterAll(() => cloud.close());

  async function allSignups(host: Client, id: string): Promise<SignupView[]> {
    const all: SignupView[] = [];
    let cursor: string | undefined;
    do {
      const page = await host.ok('consultation', 'listSignups', { id, limit: 100, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  test('200 simultaneous sign-ups for 20 seats: exactly 20 seated, 180 waitlisted in acceptance order; promotion on cancel stays exact', async () => {
    const c = await consultationAt(cloud, people, 4, { openSeats: 20, quorum: 2 });
    const seats = await Promise.all(residents200.map((r) => r.ok('consultation', 'signUp', { id: c.id })));
    expect(seats.filter((s) => s.status === 'seated')).toHaveLength(20);
    expect(seats.filter((s) => s.status === 'waitlisted')).toHaveLength(180);

    const signups = await allSignups(people.host, c.id);
    expect(signups.map((s) => s.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Acceptance order is the sequence: the first 20 accepted hold the seats.
    expect(signups.slice(0, 20).every((s) => s.status === 'seated')).toBe(true);
    expect(signups.slice(20).every((s) => s.status === 'waitlisted')).toBe(true);

    const view = await people.host.ok('consultation', 'get', { id: c.id });
    expect(view).toMatchObject({ seatsTaken: 20, waitingCount: 180 });
    // On the memory store the sign-ups really raced: some lost a write conflict and ran again.
    if (kind === 'memory') expect(cloud.transactions.some((t) => t.runs > 1)).toBe(true);

    // Ten seated people cancel at once: the first ten waiting, in order, take their seats.
    const bySeq = new Map(signups.map((s) => [s.userId, s]));
    const meOf = await Promise.all(residents200.map((r) => r.ok('user', 'me', {})));
    const seated = residents200.filter((_, i) => bySeq.get(meOf[i].id)!.status === 'seated');
    await Promise.all(seated.slice(0, 10).map((r) => r.ok('consultation', 'cancelSignup', { id: c.id })));
    const after = await allSignups(people.host, c.id);
    const nowSeated = after.filter((s) => s.status === 'seated').map((s) => s.seq).sort((a, b) => a - b);
    const expected = [...signups.slice(0, 20).map((s) => s.seq).filter((seq) => !seated.slice(0, 10).some((r, ) => bySeq.get(meOf[residents200.indexOf(r)].id)!.seq === seq)), ...signups.slice(20, 30).map((s) => s.seq)].sort((a, b) => a - b);
    expect(nowSeated).toEqual(expected);
    expect(after.filter((s) => s.status === 'waitlisted')).toHaveLength(170);
    const final = await people.host.ok('consultation', 'get', { id: c.id });
    expect(final).toMatchObject({ seatsTaken: 20, waitingCount: 170 });

    // A waitlisted person sees their exact place.
    const firstWaiting = after.filter((s) => s.status === 'waitlisted').sort((a, b) => a.seq - b.seq)[4];
    const who = residents200[meOf.findIndex((m) => m.id === firstWaiting.userId)];
    expect((await who.ok('consultation', 'get', { id: c.id })).me.waitlistPosition).toBe(5);
  }, 120_000);

  test('one resident signing up ten times at once holds one place; after cancelling, signing up again queues them anew', async () => {
    const c = await consultationAt(cloud, people, 4, { openSeats: 1, quorum: 1 });
    const [first, eager] = residents200.slice(40, 42);
    await first.ok('consultation', 'signUp', { id: c.id });
    const tries = await Promise.all(Array.from({ length: 10 }, () => eager.call('consultation', 'signUp', { id: c.id })));
    expect(tries.filter((r) => r.ok)).toEqual([{ ok: true, data: expect.objectContaining({ status: 'waitlisted', waitlistPosition: 1 }) }]);
    expect(tries.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    expect(await people.host.ok('consultation', 'get', { id: c.id })).toMatchObject({ seatsTaken: 1, waitingCount: 1 });

    await eager.ok('consultation', 'cancelSignup', { id: c.id });
    expect(await eager.call('consultation', 'signUp', { id: c.id })).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } });
    expect(await eager.call('consultation', 'signUp', { id: c.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已在候补名单中' } });
    const signups = await allSignups(people.host, c.id);
    expect(signups.map((s) => [s.seq, s.status])).toEqual([
      [1, 'seated'],
      [3, 'waitlisted'],
    ]);
  });

  async function meetingWithVote(openSeats = 3) {
    const c = await consultationAt(cloud, people, 4, { openSeats, quorum: 1 });
    const [a, b, outsider] = people.residents;
    await a.ok('consultation', 'signUp', { id: c.id });
    await b.ok('consultation', 'signUp', { id: c.id });
    await outsider.ok('consultation', 'signUp', { id: c.id });
    await people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
    const open = await people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
    await a.ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
    await b.ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
    await people.host.ok('consultation', 'openVote', { id: c.id });
    return { c, a, b, outsider };
  }

  test('two simultaneous votes from one participant count once; people not checked in are refused; nothing after close', async () => {
    const { c, a, b, outsider } = await meetingWithVote();
    const twice = await Promise.all(Array.from({ length: 10 }, () => a.call('consultation', 'vote', { id: c.id, choice: 0 })));
    expect(twice.filter((r) => r.ok)).toEqual([{ ok: true, data: expect.objectContaining({ status: 'seated', checkedIn: true, voted: true }) }]);
    expect(twice.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);

    const before = cloud.snapshot();
    const notIn = await outsider.call('consultation', 'vote', { id: c.id, choice: 1 });
    expect(notIn).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(cloud.snapshot()).toBe(before);

    const closed = await people.host.ok('consultation', 'closeVote', { id: c.id });
    expect(closed.result!.counts).toEqual([1, 0]);
    const late = await b.call('consultation', 'vote', { id: c.id, choice: 1 });
    expect(late).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect((await people.host.ok('consultation', 'get', { id: c.id })).result!.counts).toEqual([1, 0]);
  });

  test('votes racing the close: every vote accepted is counted, none lands after', async () => {
    const c = await consultationAt(cloud, people, 4, { openSeats: 40, quorum: 1 });
    const voters = residents200.slice(0, 40);
    await Promise.all(voters.map((r) => r.ok('consultation', 'signUp', { id: c.id })));
    await people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
    const open = await people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
    await Promise.all(voters.map((r) => r.ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! })));
    await people.host.ok('consultation', 'openVote', { id: c.id });
    const [votes, closed] = await Promise.all([
      Promise.all(voters.map((r, i) => r.call('consultation', 'vote', { id: c.id, choice: i % 2 }))),
      people.host.ok('consultation', 'closeVote', { id: c.id }),
    ]);
    const accepted = votes.filter((v) => v.ok).length;
    expect(closed.result!.counts.reduce((x, y) => x + y, 0)).toBe(accepted);
    expect(closed.result!.attendance).toBe(40);
  });

  test('check-ins racing the close of the vote: every check-in accepted is in the attendance counted, none lands after', async () => {
    const c = await consultationAt(cloud, people, 4, { openSeats: 40, quorum: 1 });
    const comers = residents200.slice(50, 90);
    await Promise.all(comers.map((r) => r.ok('consultation', 'signUp', { id: c.id })));
    await people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
    const open = await people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
    await people.host.ok('consultation', 'openVote', { id: c.id });
    const [checkIns, closed] = await Promise.all([
      Promise.all(comers.map((r) => r.call('consultation', 'checkIn', { id: c.id, code: open.checkInCode! }))),
      people.host.ok('consultation', 'closeVote', { id: c.id }),
    ]);
    const accepted = checkIns.filter((r) => r.ok).length;
    expect(checkIns.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'INVALID_STATE')).toBe(true);
    expect(closed.result!.attendance).toBe(accepted);
    expect((await people.host.ok('consultation', 'listAttendees', { id: c.id })).length).toBe(accepted);
  });

  test('simultaneous transitions by the host and staff: exactly one applies, the other is told the current step', async () => {
    const c = await consultationAt(cloud, people, 3);
    await people.host.ok('consultation', 'savePlan', {
      id: c.id,
      plan: { meetingAt: Date.now() + 10 * DAY_MS, place: '议事厅', invited: [], openSeats: 5, agenda: ['表决'], rule: 'majority', quorum: 2, options: ['是', '否'] },
    });
    const results = await Promise.all([
      people.host.call('consultation', 'advance', { id: c.id, fromStep: 3 }),
      people.staff.call('consultation', 'advance', { id: c.id, fromStep: 3 }),
      people.staff.call('consultation', 'sendBack', { id: c.id, fromStep: 3, reason: '方案要改' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      expect(!r.ok && r.error.message).toMatch(/当前在第[24]步/);
    }
    const now = await people.host.ok('consultation', 'get', { id: c.id });
    expect([2, 4]).toContain(now.step);
    for (const r of results.filter((x) => !x.ok)) {
      expect(!r.ok && r.error.message).toContain(`当前在第${now.step}步`);
    }
  });

  test('200 simultaneous 附议 from different residents and repeats from one: each resident counted once', async () => {
    const opinion = await people.residents[0].ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '增设充电桩', description: '电动车充电难', category: '设施维修' });
    const [results, repeats] = await Promise.all([
      Promise.all(residents200.map((r) => r.call('consultation', 'support', { id: opinion.id }))),
      Promise.all(Array.from({ length: 5 }, () => residents200[0].call('consultation', 'support', { id: opinion.id }))),
    ]);
    const ok = [...results, ...repeats].filter((r) => r.ok).length;
    expect(ok).toBe(200);
    const { opinion: after } = await people.host.ok('consultation', 'getOpinion', { id: opinion.id });
    expect(after.supportCount).toBe(200);
  });
});
