import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Envelope } from '@shared/errors';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import { seedDemo } from '../../local-cloud/seed';
import { percentile, type Row } from '../table';
import { DAY_MS, shanghaiDate } from '@shared/time';

const root = resolve(__dirname, '../..');
const CLIENTS = 50;
const DETAIL_REQUESTS = 1000;
const SIGNUPS = 500;

/**
 * p50/p95 of the consultation detail, of sign-up and of the wish wall with 50 clients at once, against the local cloud
 * running as its own process (so the load generator does not share its event loop).
 */
export async function latency(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-'));
  const store = new SqliteStore(join(dir, 'gongzhi.db'));
  await seedDemo(store);
  for (let i = 0; i < SIGNUPS; i++) await store.create<UserDoc>('users', resident(i));
  store.close();
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'local-cloud/start.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), SKIP_H5_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await ready(server);
    const base = `http://127.0.0.1:${port}`;
    const host = await login(base, 'demo-host');
    const id = await openConsultation(base, host);
    const tokens = await Promise.all(Array.from({ length: SIGNUPS }, (_, i) => login(base, `bench-${i}`)));
    const detail = await load(CLIENTS, DETAIL_REQUESTS, async (i) => void (await call(base, tokens[i % SIGNUPS], 'consultation', 'get', { id })));
    const signUp = await load(CLIENTS, SIGNUPS, async (i) => void (await call(base, tokens[i], 'consultation', 'signUp', { id })));
    // The wish wall as a visitor reads it: the demo street's wishes, first page.
    const wall = await load(CLIENTS, DETAIL_REQUESTS, async () => void (await call(base, '', 'wish', 'wall', { communityId: 'c_xingfuli' })));
    // The 活动室 week grid of every room, as a resident opens it, over a week with bookings in it.
    await fillRoomWeek(base, tokens);
    const from = shanghaiDate(Date.now() + DAY_MS);
    const grid = await load(CLIENTS, DETAIL_REQUESTS, async (i) => void (await call(base, tokens[i % SIGNUPS], 'room', 'grid', { communityId: 'c_xingfuli', from, days: 7 })));
    return [
      ...latencyRows('consultation.get', detail),
      ...latencyRows('consultation.signUp', signUp),
      ...latencyRows('wish.wall', wall),
      ...latencyRows('room.grid（一周、全部活动室）', grid),
    ];
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function latencyRows(name: string, ms: number[]): Row[] {
  const sorted = [...ms].sort((a, b) => a - b);
  const f = (n: number) => Math.round(n * 10) / 10;
  return [
    { section: 'latency', figure: `${name} p50（${CLIENTS}并发，${ms.length}次）`, value: f(percentile(sorted, 50)), unit: 'ms' },
    { section: 'latency', figure: `${name} p95（${CLIENTS}并发，${ms.length}次）`, value: f(percentile(sorted, 95)), unit: 'ms' },
  ];
}

/** Runs `total` requests through `clients` workers, each waiting for its answer before the next. */
export async function load(clients: number, total: number, request: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const start = performance.now();
        await request(i);
        times.push(performance.now() - start);
      }
    }),
  );
  return times;
}

export async function call(base: string, token: string, fn: string, action: string, data: unknown): Promise<unknown> {
  const res = await fetch(`${base}/api/${fn}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: JSON.stringify({ action, data }) });
  const body = (await res.json()) as Envelope<unknown>;
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error.code} ${body.error.message}`);
  return body.data;
}

export async function login(base: string, openid: string): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

async function openConsultation(base: string, host: string): Promise<string> {
  const resident = await login(base, 'demo-resident-1');
  const now = Date.now();
  const c = (await call(base, host, 'consultation', 'create', { communityId: 'c_xingfuli', theme: '压测议事', collectFrom: now - DAY_MS, collectTo: now + DAY_MS })) as { id: string };
  const o = (await call(base, resident, 'consultation', 'submitOpinion', { communityId: 'c_xingfuli', consultationId: c.id, title: '压测意见', description: '内容', category: '其他' })) as { id: string };
  await call(base, host, 'consultation', 'closeCollection', { id: c.id, reason: '压测' });
  await call(base, host, 'consultation', 'advance', { id: c.id, fromStep: 1 });
  await call(base, host, 'consultation', 'saveTopic', { id: c.id, title: '压测议题', background: '背景', question: '问题', adoptedOpinionIds: [o.id], adoptionReason: '理由' });
  await call(base, host, 'consultation', 'advance', { id: c.id, fromStep: 2 });
  await call(base, host, 'consultation', 'savePlan', { id: c.id, plan: { meetingAt: now + 5 * DAY_MS, place: '议事厅', invited: [], openSeats: 100, agenda: ['表决'], rule: 'majority', quorum: 2, options: ['是', '否'] } });
  await call(base, host, 'consultation', 'advance', { id: c.id, fromStep: 3 });
  await call(base, host, 'consultation', 'publishNotice', { id: c.id });
  return c.id;
}

/** Two hours a day for six days in 一楼活动室, an hour a day in the 议事厅: each by a different resident. */
async function fillRoomWeek(base: string, tokens: string[]): Promise<void> {
  let n = 0;
  for (let d = 1; d <= 6; d++) {
    const date = shanghaiDate(Date.now() + d * DAY_MS);
    for (const start of ['09:00', '14:00', '19:00']) {
      const end = `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}:00`;
      await call(base, tokens[SIGNUPS - 1 - n++], 'room', 'book', { roomId: 'r_xfl_act', date, start, end, purpose: '压测活动', attendees: 5 });
    }
    await call(base, tokens[SIGNUPS - 1 - n++], 'room', 'book', { roomId: 'r_xfl_hall', date, start: '10:00', end: '11:00', purpose: '压测会议', attendees: 5 });
  }
}

function resident(i: number): UserDoc {
  const now = Date.now();
  return {
    _id: `u_bench${i}`,
    openid: `bench-${i}`,
    nickname: `居民${i}`,
    avatarFileId: null,
    residency: { communityId: 'c_xingfuli', building: `${(i % 20) + 1}号楼`, unit: `${i}室`, status: 'approved', reason: null, appliedAt: now, reviewedAt: now },
    roles: [],
    admin: false,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
    s.on('error', reject);
  });
}

export function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('本地云已启动')) resolveReady();
    });
    server.once('exit', (code) => reject(new Error(`local cloud exited (${code}) before it was ready`)));
  });
}
