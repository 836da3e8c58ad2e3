import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@shared/errors';
import { h5Dir, ROOT, stateFile } from './paths';

export interface CloudState {
  baseUrl: string;
  pid: number;
  dataDir: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(baseUrl: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`本地云启动失败，退出码 ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/dev/accounts`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('本地云在 30 秒内没有启动');
}

/**
 * Starts the local cloud on a free port with an empty data folder (so the demo seed is fresh) and its own
 * copy of the H5 build.
 */
export async function startCloud(): Promise<{ state: CloudState; child: ChildProcess }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'));
  const snapshot = join(dataDir, 'h5');
  cpSync(h5Dir(), snapshot, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/e2e/support/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, H5_DIR: snapshot },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(baseUrl, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return { state: { baseUrl, pid: child.pid ?? 0, dataDir }, child };
}

export function stopCloud(state: CloudState): void {
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(state.dataDir, { recursive: true, force: true });
}

export function cloudState(): CloudState {
  return JSON.parse(readFileSync(stateFile(), 'utf8')) as CloudState;
}

export function baseUrl(): string {
  return cloudState().baseUrl;
}

const tokens = new Map<string, string>();

/** A session token for a demo (or any) openid, as the H5 sign-in page would get. */
export async function tokenFor(openid: string): Promise<string> {
  const cached = tokens.get(openid);
  if (cached) return cached;
  const res = await fetch(`${baseUrl()}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  const body = (await res.json()) as Envelope<{ token: string }>;
  if (!body.ok) throw new Error(`登录失败：${body.error.message}`);
  tokens.set(openid, body.data.token);
  return body.data.token;
}

/** Calls a cloud function directly, to arrange data or to check what a page really wrote. */
export async function callAs<T = unknown>(openid: string | null, fn: string, action: string, data: unknown = {}): Promise<Envelope<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers.authorization = `Bearer ${await tokenFor(openid)}`;
  const res = await fetch(`${baseUrl()}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, data }) });
  return (await res.json()) as Envelope<T>;
}

/** Like callAs, but returns the data and fails the test on an error envelope. */
export async function dataAs<T = unknown>(openid: string | null, fn: string, action: string, data: unknown = {}): Promise<T> {
  const envelope = await callAs<T>(openid, fn, action, data);
  if (!envelope.ok) throw new Error(`${fn}.${action} 失败：${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}
