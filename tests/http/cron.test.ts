/**
 * The `cron` function and `POST /api/dev/tick` through the local cloud. Clients are refused the system action
 * whoever they are; the tick runs the same jobs the timer trigger does, as the system actor. The clock is moved
 * explicitly (`setNow`, or `at` for one tick).
 */
import type { AuditEntryView } from '@shared/contract';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { CRON_TRIGGER } from '../../cloudfunctions/cron/schedule';
import type { Client } from '../support/cloud';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

jest.setTimeout(30_000);

const NOW = Date.UTC(2026, 11, 1, 2, 0); // 10:00 in Shanghai
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const XFL = 'c_xingfuli';

async function scheduledNotice(staff: Client, title: string, publishAt: number, extra: Record<string, unknown> = {}) {
  const draft = await staff.ok('notice', 'create', { communityId: XFL, category: '通知', title, body: `${title}的正文。`, ...extra });
  await staff.ok('notice', 'publish', { id: draft.id, publishAt });
  return draft.id;
}

async function managedStatus(staff: Client, id: string) {
  return (await staff.ok('notice', 'getManaged', { id })).status;
}

async function trail(staff: Client, targetId: string): Promise<AuditEntryView[]> {
  return (await staff.ok('user', 'auditTrail', { communityId: XFL, targetId })).items;
}

describe('clients calling the cron function', () => {
  const c = withCloud({ now: NOW });

  test.each(['demo-admin', 'demo-staff', 'demo-resident-1', 'demo-visitor'])('%s gets FORBIDDEN and nothing is written', async (openid) => {
    const client = await c.cloud().login(openid);
    const error = await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => client.call('cron', 'tick', {}));
    expect(error.message).toBe('此操作仅由系统定时执行');
  });

  test('so does a caller with no sign-in', async () => {
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => c.cloud().anonymous().call('cron', 'tick', {}));
  });

  test("a body dressed as the timer trigger's event is refused too, signed in or not", async () => {
    const staff = await c.cloud().login('demo-staff');
    await scheduledNotice(staff, '伪造触发器', NOW + MINUTE);
    c.cloud().setNow(NOW + 2 * MINUTE);
    const forged = { Type: 'Timer', TriggerName: CRON_TRIGGER.name, Time: new Date(NOW).toISOString() };
    for (const client of [staff, c.cloud().anonymous()]) {
      for (const body of [forged, { ...forged, action: 'tick', data: {} }]) {
        const before = c.cloud().snapshot();
        const { body: envelope } = await client.raw('cron', body);
        expectError(envelope as never, 'FORBIDDEN');
        expect(c.cloud().snapshot()).toBe(before);
      }
    }
  });
});

describe('dev/tick', () => {
  const c = withCloud({ now: NOW });
  const storedStatus = async (id: string) => (await c.cloud().store.get<{ _id: string; status: string }>('notices', id))?.status;

  test('publishes a scheduled notice once its time has come, as the system', async () => {
    const staff = await c.cloud().login('demo-staff');
    const id = await scheduledNotice(staff, '定时停水通知', NOW + HOUR);
    const early = await c.cloud().tick();
    expect(early).toMatchObject({ ok: true, data: { at: NOW } });
    expect(await storedStatus(id)).toBe('scheduled');

    c.cloud().setNow(NOW + HOUR);
    const report = await c.cloud().tick();
    expect(report).toMatchObject({ ok: true, data: { jobs: expect.arrayContaining([{ name: 'notice.publishScheduled', done: 1, more: false }]) } });
    expect(await storedStatus(id)).toBe('published');
    expect(await managedStatus(staff, id)).toBe('published');
  });

  test('ticking twice publishes it once: one audit entry, by the system', async () => {
    const staff = await c.cloud().login('demo-staff');
    const at = NOW + 2 * HOUR;
    c.cloud().setNow(at - HOUR);
    const id = await scheduledNotice(staff, '两次触发', at);
    c.cloud().setNow(at);
    await c.cloud().tick();
    const second = await c.cloud().tick();
    expect(second.ok && second.data.jobs.find((j) => j.name === 'notice.publishScheduled')?.done).toBe(0);
    const goLive = (await trail(staff, id)).filter((e) => e.action === 'notice.goLive');
    expect(goLive).toEqual([expect.objectContaining({ actorRole: 'system', actorId: null, before: { status: 'scheduled' }, after: { status: 'published' } })]);
  });

  test('with `at`, runs as of that time for that run only', async () => {
    const staff = await c.cloud().login('demo-staff');
    const now = NOW + 5 * HOUR;
    c.cloud().setNow(now);
    const id = await scheduledNotice(staff, '指定时间触发', now + 3 * HOUR);
    expect(await c.cloud().tick(now + 3 * HOUR - 1)).toMatchObject({ ok: true, data: { at: now + 3 * HOUR - 1 } });
    expect(await managedStatus(staff, id)).toBe('scheduled');
    expect(await c.cloud().tick(now + 3 * HOUR)).toMatchObject({ ok: true, data: { at: now + 3 * HOUR } });
    expect(await storedStatus(id)).toBe('published');
    // The functions' own clock did not move: to a reader the notice is still to come.
    expect(await managedStatus(staff, id)).toBe('scheduled');
    expect(c.cloud().runtime.now()).toBe(now);
  });

  test('expires a notice past its expiry, once, and a reader no longer sees it', async () => {
    const staff = await c.cloud().login('demo-staff');
    const resident = await c.cloud().login('demo-resident-1');
    const now = NOW + 10 * HOUR;
    c.cloud().setNow(now);
    const draft = await staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: '限时通知', body: '一小时内有效', expireAt: now + HOUR });
    await staff.ok('notice', 'publish', { id: draft.id });
    c.cloud().setNow(now + HOUR);
    await c.cloud().tick();
    await c.cloud().tick();
    expect(await storedStatus(draft.id)).toBe('expired');
    expect((await trail(staff, draft.id)).filter((e) => e.action === 'notice.expire')).toEqual([expect.objectContaining({ actorRole: 'system' })]);
    expectError(await resident.call('notice', 'get', { id: draft.id }), 'NOT_FOUND');
    // Moving the expiry brings it back, as it did before the cron recorded it.
    await staff.ok('notice', 'update', { id: draft.id, expireAt: now + 5 * HOUR });
    expect(await resident.ok('notice', 'get', { id: draft.id })).toMatchObject({ status: 'published' });
  });

  test('a scheduled notice staff withdraw before its time stays withdrawn through the tick', async () => {
    const staff = await c.cloud().login('demo-staff');
    const now = NOW + 30 * HOUR;
    c.cloud().setNow(now);
    const id = await scheduledNotice(staff, '撤回的定时公告', now + HOUR);
    expect((await staff.ok('notice', 'unpublish', { id })).status).toBe('unpublished');
    await c.cloud().tick(now + 2 * HOUR);
    expect(await storedStatus(id)).toBe('unpublished');
    expect((await trail(staff, id)).map((e) => e.action)).not.toContain('notice.goLive');
  });

  test('refuses an `at` that is not a time', async () => {
    for (const at of ['soon', -1, 1.5, null]) {
      const res = await fetch(`${c.cloud().url}/api/dev/tick`, { method: 'POST', body: JSON.stringify({ at }) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});

// A cloud of its own, so no other test's notice falls due during these ticks.
describe('dev/tick and the audit log', () => {
  const c = withCloud({ now: NOW });

  test('seals the audit log once entries are past the sealing window', async () => {
    const staff = await c.cloud().login('demo-staff');
    await staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: '待封存', body: '正文' });
    const unsealed = () => c.cloud().store.count('audit', { sealed: false });
    expect(await unsealed()).toBeGreaterThan(0);
    await c.cloud().tick(NOW + SEALING_WINDOW_MS - 1);
    expect(await unsealed()).toBeGreaterThan(0);
    const report = await c.cloud().tick(NOW + SEALING_WINDOW_MS);
    expect(report.ok && report.data.jobs.find((j) => j.name === 'audit.seal')?.done).toBeGreaterThan(0);
    expect(await unsealed()).toBe(0);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: true, unsealed: 0 });
  });
});
