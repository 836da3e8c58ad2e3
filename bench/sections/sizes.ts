import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { kib, type Row } from '../table';

const root = resolve(__dirname, '../..');
const MB = 1024 * 1024;
const PACKAGE_CAP = 2 * MB;
const TOTAL_CAP = 20 * MB;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** File bytes only: folder entries are not part of what WeChat counts. */
function bytes(paths: string[]): number {
  return paths.reduce((n, p) => n + statSync(p).size, 0);
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
  const weapp = join(root, 'dist/weapp');
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const all = files(weapp);
  const inSub = (f: string) => subRoots.find((r) => relative(weapp, f).startsWith(`${r}/`));
  const rows: Row[] = [];
  const main = bytes(all.filter((f) => !inSub(f)));
  rows.push({ section: 'size', figure: 'weapp 主包', value: kib(main), unit: 'KiB', limit: '2048 KiB', ok: main <= PACKAGE_CAP });
  for (const r of subRoots) {
    const size = bytes(all.filter((f) => inSub(f) === r));
    rows.push({ section: 'size', figure: `weapp 分包 ${r}`, value: kib(size), unit: 'KiB', limit: '2048 KiB', ok: size <= PACKAGE_CAP });
  }
  const total = bytes(all);
  rows.push({ section: 'size', figure: 'weapp 总计', value: kib(total), unit: 'KiB', limit: '20480 KiB', ok: total <= TOTAL_CAP });
  rows.push({ section: 'size', figure: 'H5 构建', value: kib(bytes(files(join(root, 'dist/h5')))), unit: 'KiB' });
  const fnDir = join(root, 'dist/cloudfunctions');
  for (const fn of existsSync(fnDir) ? readdirSync(fnDir) : []) {
    const bundle = join(fnDir, fn, 'index.js');
    if (existsSync(bundle)) rows.push({ section: 'size', figure: `云函数 ${fn}`, value: kib(statSync(bundle).size), unit: 'KiB' });
  }
  return rows;
}
