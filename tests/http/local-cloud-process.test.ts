import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gongzhi-process-'))));
// A test that fails half way must not leave its local cloud running: jest would wait for it forever.
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** `npm start` as a real process: what it prints, and a promise for its exit code. */
function start(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'local-cloud/start.ts')], {
    cwd: root,
    // No timer runs at a five-minute mark in the middle of a test.
    env: { ...process.env, DATA_DIR: dir, SKIP_H5_BUILD: '1', LOCAL_CRON: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => (running.delete(child), done(code))));
  const ready = new Promise<void>((done, fail) => {
    const timer = setInterval(() => output.includes('本地云已启动') && (clearInterval(timer), done()), 50);
    void exited.then(() => (clearInterval(timer), fail(new Error(output))));
  });
  // A process that is meant to refuse to start never becomes ready; only tests that await it care.
  ready.catch(() => undefined);
  return { child, ready, exited, output: () => output };
}

async function api(port: number, fn: string, body: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${fn}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: JSON.stringify(body),
  });
  return res.json() as Promise<{ ok: boolean; data: Record<string, unknown> }>;
}

test('seeds once, keeps every acknowledged write across Ctrl-C, and prints the demo accounts', async () => {
  const port = await freePort();
  const first = start({ PORT: String(port) });
  await first.ready;
  expect(first.output()).toContain('已写入演示数据');
  expect(first.output()).toContain('demo-staff');
  const token = ((await api(port, 'dev/login', { openid: 'demo-staff' })).data as { token: string }).token;
  const created = await api(port, 'notice', { action: 'create', data: { communityId: 'c_xingfuli', category: '通知', title: '断电前写入', body: '正文' } }, token);
  expect(created.ok).toBe(true);
  first.child.kill('SIGINT');
  expect(await first.exited).toBe(0);

  const second = start({ PORT: String(port) });
  await second.ready;
  expect(second.output()).not.toContain('已写入演示数据');
  const managed = await api(port, 'notice', { action: 'listManaged', data: { communityId: 'c_xingfuli' } }, token);
  const titles = (managed.data.items as { title: string }[]).map((n) => n.title);
  expect(titles).toContain('断电前写入');
  const communities = await api(port, 'user', { action: 'listCommunities', data: {} });
  expect(communities.data).toHaveLength(2);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
}, 60_000);

test('refuses a non-loopback address unless told explicitly', async () => {
  const refused = start({ HOST: '0.0.0.0', PORT: String(await freePort()) });
  expect(await refused.exited).toBe(1);
  expect(refused.output()).toContain('拒绝监听非本机地址');
}, 30_000);

test('a token signed with another install’s secret is refused', async () => {
  const port = await freePort();
  const run = start({ PORT: String(port) });
  await run.ready;
  const forged = await api(port, 'user', { action: 'me', data: {} }, 'ZGVtby1hZG1pbg.zzzzzz.forged');
  expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  run.child.kill('SIGINT');
  await run.exited;
}, 60_000);
