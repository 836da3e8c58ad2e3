/**
 * The job runner and the notice jobs on the memory store (CloudBase's transaction semantics), with a hand-made
 * system context: bounded batches, resuming on the next run, running twice, and one job failing among others.
 */
import { NEVER } from '@shared/notice/rules';
import { appendAudit, type AuditDoc } from '../../cloudfunctions/core/audit';
import { runJobs, type Job } from '../../cloudfunctions/core/jobs';
import type { HandlerContext } from '../../cloudfunctions/core/router';
import type { Runtime } from '../../cloudfunctions/core/runtime';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { cronJobs } from '../../cloudfunctions/cron/jobs';
import { MODULES } from '../../cloudfunctions/modules';
import type { NoticeDoc } from '../../cloudfunctions/notice/records';
import { expireNotices, publishScheduledNotices } from '../../cloudfunctions/notice/schedule';

const NOW = Date.UTC(2026, 11, 1, 2, 0);
const MINUTE = 60_000;

let store: MemoryStore;
let logs: { level: string; message: string; detail?: Record<string, unknown> }[];

beforeEach(() => {
  store = new MemoryStore();
  logs = [];
});

function systemContext(now: number): HandlerContext {
  const runtime: Runtime = {
    store,
    checkText: async () => true,
    identify: () => null,
    now: () => now,
    log: (level, message, detail) => logs.push({ level, message, detail }),
  };
  return {
    caller: { openid: null, user: null },
    store,
    runtime,
    requestId: `r_${now}`,
    now,
    target: null,
    audit: async (tx, entry) => {
      await appendAudit(tx, { ...entry, note: entry.note ?? null, actorId: null, actorRole: 'system', at: now, requestId: `r_${now}` });
    },
  };
}

function notice(id: string, fields: Partial<NoticeDoc>): NoticeDoc {
  return {
    _id: id,
    communityId: 'c_a',
    communityName: '甲社区',
    streetId: 's_1',
    audience: 'c_a',
    scope: 'community',
    category: '通知',
    title: id,
    body: '正文',
    images: [],
    attachments: [],
    pinned: false,
    status: 'scheduled',
    publishAt: NOW,
    expireAt: NEVER,
    readCount: 0,
    createdBy: null,
    createdAt: NOW - 60 * MINUTE,
    updatedAt: NOW - 60 * MINUTE,
    source: null,
    ...fields,
  };
}

const statusOf = async (id: string) => (await store.get<NoticeDoc>('notices', id))?.status;
const auditOf = async (action: string) => (await store.query<AuditDoc>('audit', { where: { action } })).items;

describe('the runner', () => {
  const job = (name: string, run: Job['run']): Job => ({ name, batch: 10, run });

  test('runs every job in order and reports what each did', async () => {
    const order: string[] = [];
    const reports = await runJobs(
      [job('a.one', async () => (order.push('a'), { done: 2, more: false })), job('b.two', async (_ctx, batch) => (order.push('b'), { done: batch, more: true }))],
      systemContext(NOW),
    );
    expect(order).toEqual(['a', 'b']);
    expect(reports).toEqual([{ name: 'a.one', done: 2, more: false }, { name: 'b.two', done: 10, more: true }]);
  });

  test('a failing job is logged and reported, and the jobs after it still run', async () => {
    let laterRan = false;
    const reports = await runJobs(
      [
        job('a.broken', async () => {
          throw new Error('outbox unreachable');
        }),
        job('b.fine', async () => ((laterRan = true), { done: 1, more: false })),
      ],
      systemContext(NOW),
    );
    expect(laterRan).toBe(true);
    expect(reports).toEqual([{ name: 'a.broken', done: 0, more: true, error: 'outbox unreachable' }, { name: 'b.fine', done: 1, more: false }]);
    expect(logs).toEqual([{ level: 'error', message: 'cron job failed', detail: expect.objectContaining({ job: 'a.broken', error: expect.stringContaining('outbox unreachable') }) }]);
  });

  test("a run does the modules' jobs as their manifests declare them, in module order, and seals the audit log last", () => {
    const jobs = cronJobs(MODULES);
    const names = jobs.map((j) => j.name);
    expect(names).toEqual([...MODULES.flatMap((m) => (m.jobs ?? []).map((j) => j.name)), 'requestKeys.sweep', 'audit.seal']);
    expect(names.indexOf('notice.publishScheduled')).toBeLessThan(names.indexOf('notice.expire'));
    expect(new Set(names).size).toBe(names.length);
    expect(jobs.every((j) => j.batch > 0 && j.batch <= 200)).toBe(true);
  });

  test('a module with jobs has them run, and one without adds none', () => {
    const sweep: Job = { name: 'demo.sweep', batch: 5, run: async () => ({ done: 0, more: false }) };
    const [first] = MODULES;
    const names = cronJobs([{ ...first, jobs: [sweep] }, { ...first, jobs: undefined }]).map((j) => j.name);
    expect(names).toEqual(['demo.sweep', 'requestKeys.sweep', 'audit.seal']);
  });
});

describe('publishing scheduled notices', () => {
  test('does at most a batch a run, earliest due first, and the next run carries on where it stopped', async () => {
    for (const [i, id] of ['n_3', 'n_1', 'n_5', 'n_2', 'n_4'].entries()) {
      await store.create('notices', notice(id, { publishAt: NOW - Number(id.slice(2)) * MINUTE - i }));
    }
    const ctx = systemContext(NOW);
    expect(await publishScheduledNotices.run(ctx, 2)).toEqual({ done: 2, more: true });
    expect(await Promise.all(['n_5', 'n_4', 'n_3'].map(statusOf))).toEqual(['published', 'published', 'scheduled']);
    expect(await publishScheduledNotices.run(ctx, 2)).toEqual({ done: 2, more: true });
    expect(await publishScheduledNotices.run(ctx, 2)).toEqual({ done: 1, more: false });
    expect(await Promise.all(['n_1', 'n_2', 'n_3', 'n_4', 'n_5'].map(statusOf))).toEqual(Array(5).fill('published'));
  });

  test('running again changes nothing more: one audit entry per notice, by the system', async () => {
    await store.create('notices', notice('n_due', {}));
    const ctx = systemContext(NOW);
    expect(await publishScheduledNotices.run(ctx, 10)).toEqual({ done: 1, more: false });
    expect(await publishScheduledNotices.run(ctx, 10)).toEqual({ done: 0, more: false });
    expect(await auditOf('notice.goLive')).toEqual([
      expect.objectContaining({ targetId: 'n_due', actorRole: 'system', actorId: null, before: { status: 'scheduled' }, after: { status: 'published' } }),
    ]);
  });

  test('two runs at once publish each notice once', async () => {
    for (const id of ['n_1', 'n_2', 'n_3']) await store.create('notices', notice(id, {}));
    const [a, b] = await Promise.all([publishScheduledNotices.run(systemContext(NOW), 10), publishScheduledNotices.run(systemContext(NOW), 10)]);
    expect(a.done + b.done).toBe(3);
    expect(await auditOf('notice.goLive')).toHaveLength(3);
  });

  test('leaves alone what is not due: a later time, a draft, an unpublished notice', async () => {
    await store.create('notices', notice('n_later', { publishAt: NOW + MINUTE }));
    await store.create('notices', notice('n_draft', { status: 'draft', publishAt: null }));
    await store.create('notices', notice('n_pulled', { status: 'unpublished', publishAt: NOW - MINUTE }));
    expect(await publishScheduledNotices.run(systemContext(NOW), 10)).toEqual({ done: 0, more: false });
    expect(await Promise.all(['n_later', 'n_draft', 'n_pulled'].map(statusOf))).toEqual(['scheduled', 'draft', 'unpublished']);
  });
});

describe('expiring notices', () => {
  test('a published notice past its expiry becomes expired, once', async () => {
    await store.create('notices', notice('n_old', { status: 'published', publishAt: NOW - 120 * MINUTE, expireAt: NOW - MINUTE }));
    await store.create('notices', notice('n_live', { status: 'published', publishAt: NOW - 120 * MINUTE, expireAt: NOW + MINUTE }));
    const ctx = systemContext(NOW);
    expect(await expireNotices.run(ctx, 10)).toEqual({ done: 1, more: false });
    expect(await expireNotices.run(ctx, 10)).toEqual({ done: 0, more: false });
    expect([await statusOf('n_old'), await statusOf('n_live')]).toEqual(['expired', 'published']);
    expect(await auditOf('notice.expire')).toEqual([expect.objectContaining({ targetId: 'n_old', actorRole: 'system' })]);
  });

  test('a run that comes late publishes and then expires a notice whose whole life it missed', async () => {
    await store.create('notices', notice('n_missed', { publishAt: NOW - 30 * MINUTE, expireAt: NOW - 10 * MINUTE }));
    const reports = await runJobs([publishScheduledNotices, expireNotices], systemContext(NOW));
    expect(reports.map((r) => r.done)).toEqual([1, 1]);
    expect(await statusOf('n_missed')).toBe('expired');
  });
});
