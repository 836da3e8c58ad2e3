import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles, PACKAGE_CAP, TOTAL_CAP, weappPackages } from '../../scripts/check-weapp/packages';
import { kib, type Row } from '../table';

const root = resolve(__dirname, '../..');

/** File bytes only: folder entries are not part of what WeChat counts. */
function bytes(dir: string): number {
  return listFiles(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function ensureBuilt(target: 'weapp' | 'h5' | 'functions', marker: string): void {
  if (process.argv.includes('--build') || !existsSync(join(root, marker))) {
    execSync(`npm run build:${target}`, { cwd: root, stdio: 'inherit' });
  }
}

/** Package sizes against WeChat's caps, the H5 bundle, and each cloud function's bundle. */
export async function sizes(): Promise<Row[]> {
  ensureBuilt('weapp', 'dist/weapp/app.json');
  ensureBuilt('h5', 'dist/h5/index.html');
  ensureBuilt('functions', 'dist/cloudfunctions');
  const packages = weappPackages(join(root, 'dist/weapp'));
  const rows: Row[] = packages.map(({ name, bytes }) => ({
    section: 'size',
    figure: name === 'main' ? 'weapp 主包' : `weapp 分包 ${name}`,
    value: kib(bytes),
    unit: 'KiB',
    limit: '2048 KiB',
    ok: bytes <= PACKAGE_CAP,
  }));
  const total = packages.reduce((n, p) => n + p.bytes, 0);
  rows.push({ section: 'size', figure: 'weapp 总计', value: kib(total), unit: 'KiB', limit: '20480 KiB', ok: total <= TOTAL_CAP });
  rows.push({ section: 'size', figure: 'H5 构建', value: kib(bytes(join(root, 'dist/h5'))), unit: 'KiB' });
  const fnDir = join(root, 'dist/cloudfunctions');
  for (const fn of existsSync(fnDir) ? readdirSync(fnDir) : []) {
    const bundle = join(fnDir, fn, 'index.js');
    if (existsSync(bundle)) rows.push({ section: 'size', figure: `云函数 ${fn}`, value: kib(statSync(bundle).size), unit: 'KiB' });
  }
  return rows;
}
