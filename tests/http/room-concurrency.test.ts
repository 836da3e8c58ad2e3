import type { WaitView } from '@shared/contract';
import { hhmm, instantOf, minutesOf } from '@shared/room/rules';
import { startOfShanghaiDay } from '@shared/time';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { dayFrom, DEMO_ROOMS, rangeInput, residents, sweepNoOverlap } from '../support/room';

/**
 * The 活动室 invariants under many simultaneous requests, on SQLite (one transaction at a time) and on the memory
 * store with CloudBase's snapshot-isolated transactions, where requests really interleave and conflict. After each
 * crowd the whole table is swept: no two live bookings of a room overlap, and the slot documents match them.
 */
describe.each(['sqlite', 'memory'] as const)('on the %s store', (kind) => {
  let cloud: TestCloud;
  let crowd: Client[];
  let T0: number;
  const day = (n: number) => dayFrom(T0, n);

  beforeAll(async () => {
    T0 = startOfShanghaiDay(Date.now()) + 6 * 3600_000;
    cloud = await startCloud({ store: kind, now: T0, rateLimitPerMinute: 10_000 });
    crowd = await residents(cloud, 800, `crowd-${kind}`);
  }, 120_000);
  afterAll(() => cloud.close());

  test('500 residents asking at once for overlapping ranges of one room: no overlap, and every refusal is SLOT_TAKEN offering the waitlist', async () => {
    // Starts from 08:00 to 11:30 and lengths of 30 to 120 minutes: every range overlaps many others.
    const asks = Array.from({ length: 500 }, (_, i) => {
      const start = 8 * 60 + (i % 8) * 30;
      const length = 30 * (1 + ((i * 7) % 4));
      return rangeInput(DEMO_ROOMS.activity, day(1), hhmm(start), hhmm(start + length), { purpose: `第${i}号的活动` });
    });
    const answers = await Promise.all(crowd.slice(300, 800).map((c, i) => c.call('room', 'book', asks[i])));
    const won = answers.filter((a) => a.ok);
    expect(won.length).toBeGreaterThan(0);
    for (const a of answers.filter((x) => !x.ok)) {
      expect(a).toMatchObject({ ok: false, error: { code: 'SLOT_TAKEN', message: expect.stringContaining('可以加入候补') } });
    }
    const live = (await sweepNoOverlap(cloud.store)).filter((b) => b.roomId === DEMO_ROOMS.activity && b.date === day(1));
    expect(live).toHaveLength(won.length);
    // The winners leave no gap a loser could have filled: every loser overlaps some winner.
    for (const [i, a] of answers.entries()) {
      if (a.ok) continue;
      const [s, e] = [minutesOf(asks[i].start), minutesOf(asks[i].end)];
      expect(live.some((b) => minutesOf(b.start) < e && minutesOf(b.end) > s)).toBe(true);
    }
    if (kind === 'memory') expect(cloud.transactions.some((t) => t.runs > 1)).toBe(true);
  }, 120_000);

  test('one resident sending 10 bookings at once gets exactly the limit (3) through; the rest are LIMIT_EXCEEDED', async () => {
    const eager = crowd[0];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => eager.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(2), hhmm(8 * 60 + i * 30), hhmm(8 * 60 + i * 30 + 30)))),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    expect(await eager.ok('room', 'myStanding', { communityId: 'c_xingfuli' })).toMatchObject({ activeBookings: 3, minutesThisWeek: expect.any(Number) });
    expect((await eager.ok('room', 'myBookings', {})).items.filter((b) => b.date === day(2))).toHaveLength(3);
  }, 60_000);

  test('50 residents joining one waitlist at once get the numbers 1 to 50, and offers go out in exactly that order', async () => {
    const [holder, ...queue] = crowd.slice(100, 151);
    const taken = await holder.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(3), '15:00', '16:00'));
    const joined = await Promise.all(queue.map((c) => c.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(3), '15:00', '16:00'))));
    const seqs = joined.map((w) => w.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const bySeq = new Map(joined.map((w, i) => [w.seq, { wait: w, client: queue[i] }]));

    // Positions agree with the numbers.
    const third = bySeq.get(3)!;
    expect((await third.client.ok('room', 'myWaits', {})).items[0]).toMatchObject({ seq: 3, position: 3 });

    // Each time the range frees, the lowest number still waiting is offered it; declining passes it on.
    await holder.ok('room', 'cancel', { id: taken.id });
    for (const seq of [1, 2, 3, 4, 5]) {
      const { wait, client } = bySeq.get(seq)!;
      const [mine] = (await client.ok('room', 'myWaits', {})).items as WaitView[];
      expect(mine).toMatchObject({ id: wait.id, status: 'offered' });
      const others = await Promise.all([...bySeq.entries()].filter(([s]) => s > seq).slice(0, 3).map(([, o]) => o.client.ok('room', 'myWaits', {})));
      for (const o of others) expect(o.items[0].status).toBe('waiting');
      await client.ok('room', 'declineOffer', { id: mine.bookingId! });
    }
    await sweepNoOverlap(cloud.store);
  }, 120_000);

  test('a release, its waitlist offer and 57 new bookings at once: the freed range is held once, by an offer or a newcomer', async () => {
    const [a, b, c, ...others] = crowd.slice(200, 260);
    const first = await a.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(4), '10:00', '11:00'));
    await b.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(4), '10:00', '11:00'));
    await c.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(4), '10:30', '11:30'));
    const rush = others.map((o, i) => o.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(4), i % 2 ? '10:00' : '10:30', i % 2 ? '11:00' : '11:30')));
    const [cancelled, ...answers] = await Promise.all([a.call('room', 'cancel', { id: first.id }), ...rush]);
    expect(cancelled.ok).toBe(true);
    for (const x of answers.filter((y) => !y.ok)) expect(x).toMatchObject({ ok: false, error: { code: 'SLOT_TAKEN' } });
    await cloud.tick(instantOf(day(0), '06:05'));
    await sweepNoOverlap(cloud.store);
  }, 60_000);
});
