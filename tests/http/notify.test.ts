/**
 * Notifications end to end through the local cloud: the outbox written in the change's transaction, delivery after
 * commit and by the cron's job, the outbox page, preferences, and subscription messages through a stand-in for
 * WeChat's `subscribeMessage.send` (the local cloud itself sends nothing).
 */
import { consultationAnnounced } from '@shared/consultation/notifications';
import type { OutboxView } from '@shared/notify/contract';
import { templateEnvName, templateKeys } from '@shared/notify/registry';
import { MAX_TRIES } from '@shared/notify/retry';
import { startOfShanghaiDay } from '@shared/time';
import { consultationServerModule } from '../../cloudfunctions/consultation/module';
import { reminderId, remindTomorrowJob } from '../../cloudfunctions/consultation/reminders';
import type { HandlerContext } from '../../cloudfunctions/core/router';
import type { SubscriptionMessage, SubscriptionResult } from '../../cloudfunctions/core/runtime';
import { deliverOutbox, deliverOutboxIds, deliverOutboxJob } from '../../cloudfunctions/notify/deliver';
import { notifyServerModule } from '../../cloudfunctions/notify/module';
import { notify } from '../../cloudfunctions/notify/notify';
import { DAY_MS as DAY } from '@shared/time';
import { cast, consultationAt, type Cast } from '../support/consultation';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectError } from '../support/expect';

// A ceiling for slow shared machines, not a timing assertion.
jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;
const XFL = 'c_xingfuli';
/** Noon today in Shanghai: outside quiet hours, and near enough to the real clock for the test helpers' dates. */
const NOON = startOfShanghaiDay(Date.now()) + 12 * HOUR;

let cloud: TestCloud;
let people: Cast;
let author: Client;
let authorId: string;

beforeAll(async () => {
  cloud = await startCloud({ now: NOON });
  people = await cast(cloud);
  // consultationAt files its opinion as the first resident: they hear when it is announced.
  author = people.residents[0];
  authorId = (await author.ok('user', 'me', {})).id;
});
afterAll(() => cloud.close());
afterEach(() => {
  cloud.runtime.sendSubscription = undefined;
  cloud.setNow(NOON);
});

/** The community's newest outbox entry about a consultation: after consultationAt, its announcement. */
async function entryAbout(consultationId: string): Promise<OutboxView> {
  const page = await people.staff.ok('notify', 'listOutbox', { communityId: XFL, limit: 100 });
  const entry = page.items.find((e) => e.link?.id === consultationId);
  if (!entry) throw new Error(`no outbox entry about ${consultationId}`);
  return entry;
}

/**
 * The context the cron hands a job: nobody signed in, this time. With `afterwards` it keeps the work to run once
 * the job has returned, as the router does; without, that work is left to `deliverOutbox`.
 */
function jobContext(now: number, afterwards?: (() => Promise<void>)[]): HandlerContext {
  return {
    caller: { openid: null, user: null },
    store: cloud.store,
    runtime: cloud.runtime,
    requestId: `r_job_${now}`,
    now,
    target: null,
    audit: async () => {
      throw new Error('the notification jobs record no audit entries');
    },
    ...(afterwards ? { afterCommit: (job: () => Promise<void>) => void afterwards.push(job) } : {}),
  };
}

async function inboxAbout(person: Client, consultationId: string) {
  return (await person.ok('user', 'inbox', { limit: 100 })).items.filter((m) => m.link?.id === consultationId);
}

describe('the outbox', () => {
  let announcedId: string;

  test('an announcement reaches the inbox and the outbox; locally its subscription message shows as skipped', async () => {
    const c = await consultationAt(cloud, people, 4);
    announcedId = c.id;
    const [message] = await inboxAbout(author, c.id);
    expect(message).toMatchObject({ title: '您提的意见要开会商议了', link: { module: 'consultation', id: c.id }, read: false });

    const entry = await entryAbout(c.id);
    expect(entry).toMatchObject({ event: 'consultation.announced', label: '议事公告', title: '您提的意见要开会商议了', recipients: 1, delivered: true });
    expect(entry.sends).toEqual([{ userId: authorId, state: 'skipped', reason: 'local', tries: 0, nextAt: null }]);
    expect(message.id).toBe(`${entry.id}:${authorId}`);
  });

  test('delivering again, by the cron or by id, writes nothing more', async () => {
    const before = cloud.snapshot();
    const report = await deliverOutbox(cloud.store, cloud.runtime, NOON);
    expect(report).toEqual({ delivered: 0, inboxItems: 0, sends: { sent: 0, retry: 0, skipped: 0, failed: 0, dead: 0 }, more: false });
    await deliverOutboxIds(cloud.store, cloud.runtime, NOON, [(await entryAbout(announcedId)).id]);
    expect(cloud.snapshot()).toBe(before);
  });

  test('an entry nobody delivered yet (the request ended first) is delivered by the cron once', async () => {
    const ids = await Promise.all(people.residents.slice(1, 3).map(async (r) => (await r.ok('user', 'me', {})).id));
    const data = { communityId: XFL, consultationId: 'cs_none', title: '补发测试', meetingAt: NOON + 3 * DAY, place: '议事厅' };
    const id = await cloud.store.transaction((tx) => notify({ now: NOON }, tx, consultationAnnounced.with(data), [...ids, ids[0]]));
    expect(await inboxAbout(people.residents[1], 'cs_none')).toEqual([]);

    const first = await deliverOutbox(cloud.store, cloud.runtime, NOON);
    expect(first).toMatchObject({ delivered: 1, inboxItems: 2 });
    expect(await inboxAbout(people.residents[1], 'cs_none')).toHaveLength(1);
    expect(await inboxAbout(people.residents[2], 'cs_none')).toHaveLength(1);

    const before = cloud.snapshot();
    expect(await deliverOutbox(cloud.store, cloud.runtime, NOON)).toMatchObject({ delivered: 0, inboxItems: 0 });
    await deliverOutboxIds(cloud.store, cloud.runtime, NOON, [id!]);
    expect(cloud.snapshot()).toBe(before);
  });

  test('nobody to tell writes no outbox entry', async () => {
    const count = await cloud.store.count('outbox');
    const id = await cloud.store.transaction((tx) => notify({ now: NOON }, tx, consultationAnnounced.with({ communityId: XFL, consultationId: 'cs_x', title: 't', meetingAt: NOON, place: 'p' }), []));
    expect(id).toBeNull();
    expect(await cloud.store.count('outbox')).toBe(count);
  });

  test('only staff of the community and the street admin read its outbox', async () => {
    expectError(await author.call('notify', 'listOutbox', { communityId: XFL }), 'FORBIDDEN');
    expectError(await people.host.call('notify', 'listOutbox', { communityId: XFL }), 'FORBIDDEN');
    expectError(await (await cloud.login('demo-staff-heping')).call('notify', 'listOutbox', { communityId: XFL }), 'FORBIDDEN');
    expectError(await cloud.anonymous().call('notify', 'listOutbox', { communityId: XFL }), 'UNAUTHENTICATED');
    expect((await (await cloud.login('demo-admin')).ok('notify', 'listOutbox', { communityId: XFL })).items.length).toBeGreaterThan(0);
  });
});

describe('preferences', () => {
  test('everything is on at first; an event turned off still reaches the inbox, with no subscription message', async () => {
    const first = await author.ok('notify', 'preferences', {});
    expect(first.map((p) => p.event)).toContain('consultation.announced');
    expect(first.every((p) => p.on && p.left === 0)).toBe(true);

    const off = await author.ok('notify', 'setPreference', { event: 'consultation.announced', on: false });
    expect(off.find((p) => p.event === 'consultation.announced')?.on).toBe(false);
    const c = await consultationAt(cloud, people, 4);
    expect(await inboxAbout(author, c.id)).toHaveLength(1);
    expect((await entryAbout(c.id)).sends).toEqual([]);

    const on = await author.ok('notify', 'setPreference', { event: 'consultation.announced', on: true });
    expect(on.every((p) => p.on)).toBe(true);
  });

  test('an unknown event is refused', async () => {
    expectError(await author.call('notify', 'setPreference', { event: 'nothing.declared', on: false }), 'VALIDATION');
    expectError(await cloud.anonymous().call('notify', 'preferences', {}), 'UNAUTHENTICATED');
  });

  test('erasing the account removes the settings, and the export lists them', async () => {
    const person = await cloud.login('notify-leaver');
    const me = await person.ok('user', 'me', {});
    await person.ok('notify', 'setPreference', { event: 'consultation.results', on: false });
    const data = await person.ok('user', 'exportMyData', {});
    expect(data.records.notifySettings).toEqual([expect.objectContaining({ _id: me.id, off: ['consultation.results'] })]);
    await person.ok('user', 'deleteMe', { confirm: '删除' });
    expect(await cloud.store.get('notifySettings', me.id)).toBeNull();
  });
});

describe('subscription messages, through a stand-in for WeChat', () => {
  const saved: Record<string, string | undefined> = {};
  let calls: SubscriptionMessage[];
  let answers: SubscriptionResult[];

  beforeAll(() => {
    for (const key of templateKeys()) {
      saved[key] = process.env[templateEnvName(key)];
      process.env[templateEnvName(key)] = `tpl-${key}`;
    }
  });
  afterAll(() => {
    for (const key of templateKeys()) {
      if (saved[key] === undefined) delete process.env[templateEnvName(key)];
      else process.env[templateEnvName(key)] = saved[key];
    }
  });
  beforeEach(() => {
    calls = [];
    answers = [];
    cloud.runtime.sendSubscription = async (message) => {
      calls.push(message);
      return answers.shift() ?? { ok: true };
    };
  });

  const announcedLeft = async () => (await author.ok('notify', 'preferences', {})).find((p) => p.event === 'consultation.announced')!.left;
  const accept = async (times: number) => {
    for (let i = 0; i < times; i++) await author.ok('notify', 'subscribed', { templateIds: ['tpl-CONSULTATION_ANNOUNCED'] });
  };

  test('the app learns the configured templates; accepted ones count, unknown ids are ignored', async () => {
    const templates = await author.ok('notify', 'templates', {});
    expect(templates).toEqual(templateKeys().map((key) => ({ key, templateId: `tpl-${key}` })));
    const prefs = await author.ok('notify', 'subscribed', { templateIds: ['tpl-CONSULTATION_SEAT', 'not-ours'] });
    expect(prefs.filter((p) => p.left > 0).map((p) => p.event)).toEqual(['consultation.promoted']);
    expectError(await author.call('notify', 'subscribed', { templateIds: ['a', 'b', 'c', 'd'] }), 'VALIDATION');
  });

  test('a message goes out only while an acceptance is left, and each one spends one', async () => {
    await accept(1);
    expect(await announcedLeft()).toBe(1);
    const c = await consultationAt(cloud, people, 4);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ openid: 'demo-resident-1', templateId: 'tpl-CONSULTATION_ANNOUNCED', page: `packages/consultation/detail/index?id=${c.id}` });
    expect(Array.from(calls[0].data.thing1.value).length).toBeLessThanOrEqual(20);
    expect((await entryAbout(c.id)).sends).toEqual([expect.objectContaining({ state: 'sent', tries: 1 })]);
    expect(await announcedLeft()).toBe(0);

    const again = await consultationAt(cloud, people, 4);
    expect(calls).toHaveLength(1);
    expect((await entryAbout(again.id)).sends).toEqual([]);
  });

  test('in quiet hours the subscription message waits until 08:00; the inbox does not', async () => {
    await accept(1);
    const night = startOfShanghaiDay(NOON) + 22 * HOUR;
    cloud.setNow(night);
    const c = await consultationAt(cloud, people, 4);
    expect(await inboxAbout(author, c.id)).toHaveLength(1);
    expect(calls).toHaveLength(0);
    const morning = startOfShanghaiDay(NOON) + DAY + 8 * HOUR;
    expect((await entryAbout(c.id)).sends).toEqual([expect.objectContaining({ state: 'queued', nextAt: morning })]);

    await deliverOutbox(cloud.store, cloud.runtime, night + HOUR);
    expect(calls).toHaveLength(0);
    await deliverOutbox(cloud.store, cloud.runtime, morning);
    expect(calls).toHaveLength(1);
    expect((await entryAbout(c.id)).sends).toEqual([expect.objectContaining({ state: 'sent' })]);
  });

  test('43101 (no subscription left) is not retried, and the count starts again from zero', async () => {
    await accept(2);
    answers.push({ ok: false, code: 43101, message: 'user refuse to accept the msg' });
    const c = await consultationAt(cloud, people, 4);
    expect(calls).toHaveLength(1);
    expect((await entryAbout(c.id)).sends).toEqual([expect.objectContaining({ state: 'skipped', reason: 'no-subscription', tries: 1 })]);
    expect(await announcedLeft()).toBe(0);
    await deliverOutbox(cloud.store, cloud.runtime, NOON + 3 * HOUR);
    expect(calls).toHaveLength(1);
  });

  test('a transient error is retried with back-off, then dead-lettered after MAX_TRIES, spending nothing', async () => {
    await accept(1);
    cloud.runtime.sendSubscription = async (message) => {
      calls.push(message);
      return { ok: false, code: -1, message: 'system busy' };
    };
    const c = await consultationAt(cloud, people, 4);
    let send = (await entryAbout(c.id)).sends[0];
    expect(send).toMatchObject({ state: 'queued', tries: 1, reason: 'wechat--1' });
    expect(send.nextAt).toBeGreaterThan(NOON);

    await deliverOutbox(cloud.store, cloud.runtime, send.nextAt! - 1);
    expect(calls).toHaveLength(1);
    while (send.state === 'queued') {
      await deliverOutbox(cloud.store, cloud.runtime, send.nextAt!);
      send = (await entryAbout(c.id)).sends[0];
    }
    expect(send).toMatchObject({ state: 'dead', tries: MAX_TRIES });
    expect(calls).toHaveLength(MAX_TRIES);
    expect(await announcedLeft()).toBe(1);
    await author.ok('notify', 'setPreference', { event: 'consultation.announced', on: false });
  });
});

describe('the reminder the day before the meeting', () => {
  const remind = (now: number, afterwards?: (() => Promise<void>)[]) => remindTomorrowJob.run(jobContext(now, afterwards), remindTomorrowJob.batch);

  test('everyone seated hears it once, however often the job runs; the waitlist does not', async () => {
    const [, seated, waiting] = people.residents;
    const c = await consultationAt(cloud, people, 4, { openSeats: 1 });
    await seated.ok('consultation', 'signUp', { id: c.id });
    await waiting.ok('consultation', 'signUp', { id: c.id });
    const meetingAt = c.plan!.meetingAt;
    const reminders = async (person: Client) => (await inboxAbout(person, c.id)).filter((m) => m.title.startsWith('明天开会'));

    await remind(meetingAt - 2 * DAY);
    await deliverOutbox(cloud.store, cloud.runtime, meetingAt - 2 * DAY);
    expect(await reminders(seated)).toEqual([]);

    const dayBefore = meetingAt - DAY;
    expect((await remind(dayBefore)).done).toBeGreaterThan(0);
    expect(await remind(dayBefore + HOUR)).toEqual({ done: 0, more: false });
    await deliverOutbox(cloud.store, cloud.runtime, dayBefore);
    await deliverOutbox(cloud.store, cloud.runtime, dayBefore + HOUR);
    expect(await reminders(seated)).toEqual([expect.objectContaining({ body: expect.stringContaining('请按时参加') })]);
    expect(await reminders(waiting)).toEqual([]);
    expect(await cloud.store.get('outbox', reminderId({ _id: c.id, plan: { ...c.plan! } } as never))).toMatchObject({ recipients: [expect.any(String)] });
  });

  test('run by the cron, whose context delivers after the commit, the seated have it as soon as the job returns', async () => {
    const seated = people.residents[3];
    const c = await consultationAt(cloud, people, 4, { openSeats: 5 });
    await seated.ok('consultation', 'signUp', { id: c.id });
    const afterwards: (() => Promise<void>)[] = [];
    await remind(c.plan!.meetingAt - DAY, afterwards);
    expect(afterwards.length).toBeGreaterThan(0);
    for (const job of afterwards) await job();
    expect((await inboxAbout(seated, c.id)).map((m) => m.title)).toContain('明天开会：请按时参加议事');
  });
});

describe('jobs and declarations', () => {
  test('the cron finds the jobs on the manifests: delivery on notify’s, the reminder on consultation’s', () => {
    expect(notifyServerModule.jobs).toEqual([deliverOutboxJob]);
    expect(consultationServerModule.jobs).toEqual([remindTomorrowJob]);
    expect(notifyServerModule.collections).toHaveProperty('outbox');
  });

  test('the delivery job works through a batch at a time and says when more is waiting', async () => {
    const ids = await Promise.all(people.residents.slice(1, 3).map(async (r) => (await r.ok('user', 'me', {})).id));
    const data = (n: number) => ({ communityId: XFL, consultationId: `cs_batch${n}`, title: `分批${n}`, meetingAt: NOON + 3 * DAY, place: '议事厅' });
    for (const n of [1, 2, 3]) await cloud.store.transaction((tx) => notify({ now: NOON }, tx, consultationAnnounced.with(data(n)), ids));
    expect(await deliverOutboxJob.run(jobContext(NOON), 2)).toEqual({ done: 2, more: true });
    expect(await deliverOutboxJob.run(jobContext(NOON), 2)).toEqual({ done: 1, more: false });
    expect(await inboxAbout(people.residents[2], 'cs_batch3')).toHaveLength(1);
  });

  test('an event no module declares is refused, and its transaction writes nothing', async () => {
    const before = cloud.snapshot();
    const undeclared = { type: 'consultation.nothing', data: { communityId: XFL } };
    await expect(cloud.store.transaction((tx) => notify({ now: NOON }, tx, undeclared, [authorId]))).rejects.toThrow(/consultation.nothing/);
    expect(cloud.snapshot()).toBe(before);
  });
});
