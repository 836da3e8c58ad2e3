import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Problem } from './problem';

/**
 * WeChat's own stylesheet (wcsc) and template (wcc) compilers, the binaries DevTools runs, shipped for Linux,
 * macOS and Windows in the npm package `miniprogram-compiler`.
 */
function compiler(name: 'wcc' | 'wcsc'): string {
  const folder = { linux: 'linux', darwin: 'mac', win32: 'windows' }[process.platform as string];
  if (!folder) throw new Error(`miniprogram-compiler has no ${name} for ${process.platform}`);
  const bin = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', folder, process.platform === 'win32' ? `${name}.exe` : name);
  // npm does not keep the package's execute bits.
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  return bin;
}

function run(name: 'wcc' | 'wcsc', args: string[], cwd: string): { status: number | null; output: string } {
  const out = mkdtempSync(join(tmpdir(), `gongzhi-${name}-`));
  try {
    const result = spawnSync(compiler(name), [...args, '-o', join(out, 'out')], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Every .wxss compiled in one call, as DevTools does: the sheets import each other, and one selector WeChat
 * rejects (such as `*`) empties the whole set, leaving every page unstyled.
 */
export function compileStyles(dir: string, files: string[]): Problem[] {
  const sheets = files.filter((f) => f.endsWith('.wxss'));
  if (sheets.length === 0) return [];
  const { status, output } = run('wcsc', ['-db', '-pc', '0', ...sheets], dir);
  const problems: Problem[] = [];
  for (const line of output.split('\n')) {
    const at = /^ERR: (.+?)\((\d+):(\d+)\): (.*)$/.exec(line.trim());
    const missing = /^ERR: path `(.+?)` not found from `(.+?)`/.exec(line.trim());
    if (at) problems.push({ check: 'wcsc', file: at[1], line: Number(at[2]), column: Number(at[3]), message: at[4] });
    else if (missing) problems.push({ check: 'wcsc', file: missing[2], message: `imports ${missing[1]}, which is not in the build` });
  }
  if (status !== 0 && problems.length === 0) problems.push({ check: 'wcsc', file: '(all .wxss)', message: `wcsc failed: ${output.trim() || `exit ${status}`}` });
  return problems;
}

/** Every .wxml with the .wxs modules it uses, compiled in one call, as DevTools does. */
export function compileTemplates(dir: string, files: string[]): Problem[] {
  const templates = files.filter((f) => f.endsWith('.wxml') || f.endsWith('.wxs'));
  if (templates.length === 0) return [];
  const { status, output } = run('wcc', ['-d', ...templates], dir);
  const problems: Problem[] = [];
  for (const line of output.split('\n')) {
    const at = /^(.+?\.wx[ms]l?):(\d+):(\d+): (.*)$/.exec(line.trim());
    if (at) problems.push({ check: 'wcc', file: at[1], line: Number(at[2]), column: Number(at[3]), message: at[4] });
  }
  if (status !== 0 && problems.length === 0) problems.push({ check: 'wcc', file: '(all .wxml)', message: `wcc failed: ${output.trim() || `exit ${status}`}` });
  return problems;
}
