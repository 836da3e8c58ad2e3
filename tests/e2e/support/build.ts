import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { h5Dir, ROOT } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds H5 when it is missing, older than its sources, or E2E_BUILD=1; E2E_BUILD=0 or E2E_H5_DIR never builds. */
export function ensureH5Build(): void {
  if (process.env.E2E_BUILD === '0' || process.env.E2E_H5_DIR) return;
  const index = join(h5Dir(), 'index.html');
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((d) => newestMtime(join(ROOT, d)));
  const stale = !existsSync(index) || Math.max(...sources) > statSync(index).mtimeMs;
  if (!stale && process.env.E2E_BUILD !== '1') return;
  console.log('\n[e2e] 正在构建 H5（约半分钟）…');
  // jest sets NODE_ENV=test, which would make Taro build an unminified development bundle.
  execSync('npm run build:h5', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
