import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { FUNCTIONS } from '../cloudfunctions/modules';
import { localFileStorage } from '../cloudfunctions/core/files';
import { SqliteStore } from '../cloudfunctions/core/store/sqlite';
import { localRuntime } from './runtime';
import { DEMO_ACCOUNTS, seedDemo } from './seed';
import { createLocalCloud } from './server';
import { loadSecret } from './session';
import { startLocalTimer } from './timer';

const root = resolve(__dirname, '..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const h5Dir = join(root, 'dist/h5');

function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}

async function main() {
  // The local cloud has demo sign-in: exposing it beyond this machine must be a deliberate choice.
  if (!isLoopback(host) && process.env.ALLOW_REMOTE !== '1') {
    console.error(`拒绝监听非本机地址 ${host}。如确需对外开放，请设置 ALLOW_REMOTE=1。`);
    process.exit(1);
  }
  if (!existsSync(join(h5Dir, 'index.html')) && process.env.SKIP_H5_BUILD !== '1') {
    console.log('首次启动：正在构建 H5 页面（约半分钟）…');
    execSync('npm run build:h5', { cwd: root, stdio: 'inherit' });
  }
  mkdirSync(dataDir, { recursive: true });
  const store = new SqliteStore(process.env.DB_PATH ?? join(dataDir, 'gongzhi.db'));
  const seeded = await seedDemo(store, Date.now(), { activity: true });
  const filesDir = join(dataDir, 'files');
  const runtime = localRuntime(store, { files: localFileStorage(filesDir) });
  const server = createLocalCloud({
    runtime,
    functions: FUNCTIONS,
    secret: loadSecret(join(dataDir, 'secret')),
    filesDir,
    h5Dir,
    demoAccounts: DEMO_ACCOUNTS.map(({ openid, label }) => ({ openid, label })),
  });
  server.listen(port, host, () => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // One write, so a process reading our output never sees the banner without the accounts.
    const lines = [
      `\n共治 本地云已启动：${url}${seeded ? '（已写入演示数据）' : ''}`,
      '演示账号（在 H5 登录页选择，或 POST /api/dev/login {"openid": "..."}）：',
      ...DEMO_ACCOUNTS.map((a) => `  ${a.openid.padEnd(22)} ${a.label}`),
    ];
    console.log(lines.join('\n'));
  });
  // The same schedule as the cron function's timer trigger; LOCAL_CRON=off leaves it to POST /api/dev/tick.
  const timer = process.env.LOCAL_CRON === 'off' ? null : startLocalTimer(runtime, FUNCTIONS.cron);
  // Every acknowledged write is already committed (synchronous=FULL); closing just stops new work.
  const stop = () => {
    console.log('\n正在关闭…');
    timer?.stop();
    server.close(() => {
      store.close();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
