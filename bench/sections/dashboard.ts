import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DAY_MS } from '@shared/time';
import { appendAudit, SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { FOLD_BATCH, foldOnce } from '../../cloudfunctions/dashboard/fold';
import { writeWorkbook } from '../../cloudfunctions/dashboard/excel';
import type { WishDoc } from '../../cloudfunctions/wish/records';
import { WISH_EXPORT } from '../../cloudfunctions/wish/stats';
import { seedDemo } from '../../local-cloud/seed';
import { weappPackages } from '../../scripts/check-weapp/packages';
import { kib, type Row } from '../table';
import { call, freePort, latencyRows, load, login, ready } from './latency';

const root = resolve(__dirname, '../..');
const XFL = 'c_xingfuli';
const RESIDENTS = 10_000;
/** A year of what 10,000 residents do: about five actions each. */
const ENTRIES = 50_000;
const EXPORT_ROWS = 10_000;
const CLIENTS = 50;
const REQUESTS = 1000;
/** The ceiling for the dashboard's subpackage (WeChat's own is 2 MB). */
const SUBPACKAGE_LIMIT = 1024 * 1024;

/** Resident actions as the modules record them, with what the dashboard reads from each. */
const ACTIONS: { action: string; after: (i: number) => unknown }[] = [
  { action: 'opinion.submit', after: () => ({ title: '意见' }) },
  { action: 'opinion.support', after: () => ({ supportCount: 1 }) },
  { action: 'consultation.signUp', after: () => null },
  { action: 'consultation.vote', after: () => null },
  { action: 'budget.castBallot', after: () => 'cast' },
  { action: 'wish.submit', after: () => ({ status: 'submitted' }) },
  { action: 'wish.claim', after: () => ({ status: 'claimed' }) },
  { action: 'wish.fulfil', after: (i) => ({ status: 'fulfilled', days: i % 9 }) },
  { action: 'consultation.rate', after: (i) => ['satisfied', 'basic', 'dissatisfied'][i % 3] },
];

/**
 * The dashboard with a community of 10,000 residents and a year of their activity in the audit log: how fast the
 * cron folds it, the p95 of the community's and the street's dashboards at 50 clients, an export of 10,000 rows
 * (time and peak memory), and the subpackage's size.
 */
export async function dashboard(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-dash-'));
  const store = new SqliteStore(join(dir, 'gongzhi.db'));
  const rows: Row[] = [];
  try {
    const now = Date.now();
    await seedDemo(store, now);
    await store.transaction(async (tx) => {
      for (let i = 0; i < RESIDENTS; i++) await tx.create<UserDoc>('users', resident(i, now));
    });
    await generateYear(store, now);
    await generateWishes(store, now);

    const foldStart = performance.now();
    let folded = 0;
    for (let n = FOLD_BATCH; n === FOLD_BATCH; folded += n) n = await foldOnce(store, now + SEALING_WINDOW_MS, FOLD_BATCH);
    const foldMs = performance.now() - foldStart;
    rows.push({ section: 'dashboard', figure: `汇总审计记录（${folded}条，一年）`, value: Math.round(folded / (foldMs / 1000)), unit: '条/秒' });

    rows.push(...(await measureExport(store)));
    store.close();
    rows.push(...(await measureLatency(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const weapp = join(root, 'dist/weapp');
  const sub = existsSync(weapp) ? weappPackages(weapp).find((p) => p.name.includes('dashboard')) : undefined;
  if (sub) rows.push({ section: 'dashboard', figure: 'weapp 分包 packages/dashboard（需求上限1 MB）', value: kib(sub.bytes), unit: 'KiB', limit: '1024 KiB', ok: sub.bytes <= SUBPACKAGE_LIMIT });
  return rows;
}

async function generateYear(store: SqliteStore, now: number): Promise<void> {
  const start = now - 365 * DAY_MS;
  for (let from = 0; from < ENTRIES; from += 1000) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(from + 1000, ENTRIES); i++) {
        const { action, after } = ACTIONS[i % ACTIONS.length];
        await appendAudit(tx, {
          communityId: XFL,
          at: start + Math.floor((i / ENTRIES) * 365 * DAY_MS),
          actorId: `u_bench${(i * 7919) % RESIDENTS}`,
          actorRole: 'resident',
          action,
          targetType: 'bench',
          targetId: `t${i % 500}`,
          before: null,
          after: after(i),
          note: null,
          requestId: randomBytes(6).toString('hex'),
        });
      }
    });
  }
}

async function generateWishes(store: SqliteStore, now: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let i = 0; i < EXPORT_ROWS; i++) await tx.create<WishDoc>('wishes', wish(i, now));
  });
}

async function measureExport(store: SqliteStore): Promise<Row[]> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = performance.now();
  const { body, rows } = await writeWorkbook(WISH_EXPORT, store, XFL);
  const ms = performance.now() - started;
  clearInterval(sampler);
  const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return [
    { section: 'dashboard', figure: `导出Excel（${rows}行微心愿）用时`, value: Math.round(ms), unit: 'ms' },
    { section: 'dashboard', figure: '导出时内存峰值增量（RSS）', value: mib(peakRss - base.rss), unit: 'MiB' },
    { section: 'dashboard', figure: '导出时堆内存峰值增量', value: mib(peakHeap - base.heapUsed), unit: 'MiB' },
    { section: 'dashboard', figure: '导出文件大小', value: kib(body.length), unit: 'KiB' },
  ];
}

async function measureLatency(dir: string): Promise<Row[]> {
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'local-cloud/start.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), SKIP_H5_BUILD: '1', LOCAL_CRON: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await ready(server);
    const base = `http://127.0.0.1:${port}`;
    const [staff, admin] = [await login(base, 'demo-staff'), await login(base, 'demo-admin')];
    const community = await load(CLIENTS, REQUESTS, async () => void (await call(base, staff, 'dashboard', 'community', { communityId: XFL, period: 'year' })));
    const street = await load(CLIENTS, REQUESTS, async () => void (await call(base, admin, 'dashboard', 'street', { period: 'year' })));
    return [...latencyRows('dashboard.community（本年）', community), ...latencyRows('dashboard.street（本年）', street)].map((r) => ({ ...r, section: 'dashboard' }));
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
  }
}

function resident(i: number, now: number): UserDoc {
  return {
    _id: `u_bench${i}`,
    openid: `bench-${i}`,
    nickname: `居民${i}`,
    avatarFileId: null,
    residency: { communityId: XFL, name: `居民${i}`, building: `${(i % 60) + 1}号楼`, unit: `${(i % 4) + 1}单元`, room: String(100 + (i % 40)), status: 'approved', reason: null, appliedAt: now, reviewedAt: now },
    roles: [],
    admin: false,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

export function wish(i: number, now: number): WishDoc {
  const at = now - (i % 365) * DAY_MS;
  return {
    _id: `w_bench${i}`,
    communityId: XFL,
    communityName: '幸福里社区',
    wisherId: `u_bench${i}`,
    proxyBy: null,
    name: `居民${i}`,
    maskedName: '居**',
    building: `${(i % 60) + 1}号楼`,
    address: `${(i % 4) + 1}单元${100 + (i % 40)}`,
    phone: '13800000000',
    household: `h${i}`,
    category: '生活用品',
    title: `压测心愿${i}`,
    description: '',
    photos: [],
    estimatedValue: 50,
    deadline: at + 30 * DAY_MS,
    status: 'confirmed',
    rejectReason: null,
    claimantId: `u_bench${(i + 1) % RESIDENTS}`,
    claim: { claimantName: `居民${i + 1}`, claimantKind: 'resident', promisedDate: at + 3 * DAY_MS, claimedAt: at + DAY_MS },
    claimDueAt: null,
    fulfilment: { note: '好了', photos: [], at: at + 2 * DAY_MS },
    confirmation: { by: 'wisher', thanks: '谢谢', note: null, at: at + 3 * DAY_MS },
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
  };
}
