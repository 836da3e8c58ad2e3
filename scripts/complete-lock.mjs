#!/usr/bin/env node
/**
 * Adds lock entries for optional, platform-specific binaries that npm left out of package-lock.json.
 *
 * Why: npm 11's `npm ci` refuses a lock that lacks an entry for any optional dependency ("Missing: … from lock
 * file"), yet `npm install` on Linux omits other platforms' binaries (npm/cli#4828), and some of them are not
 * even on the registry this project installs from. The entries added here carry `os`/`cpu` (from the
 * registry when it has them, else read off the package name), so every platform skips what is not its own.
 * Run after any `npm install` that changes the lock: `node scripts/complete-lock.mjs`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** Where node would find `name` from a package at `path`, or null. */
function resolve(path, name) {
  let base = path;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

function fromName(name) {
  const words = name.split(/[/-]/);
  const os = OS.filter((o) => words.includes(o));
  const cpu = CPU.filter((c) => words.includes(c));
  const libc = words.includes('musl') ? ['musl'] : words.includes('gnu') ? ['glibc'] : undefined;
  return { os: os.length ? os : undefined, cpu: cpu.length ? cpu : undefined, libc };
}

function fromRegistry(name, version) {
  try {
    const out = execFileSync('npm', ['view', `${name}@${version}`, 'os', 'cpu', 'libc', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim() ? JSON.parse(out) : null;
  } catch {
    return null;
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolve(path, name);
    if (found && (packages[found].version === spec || !/^\d/.test(spec))) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // a tag such as "latest" cannot be pinned here; see below
    const meta = fromRegistry(name, spec) ?? fromName(name);
    const key = `${path ? `${path}/` : ''}node_modules/${name}`;
    packages[key] = {
      version: spec,
      ...(meta.cpu ? { cpu: [].concat(meta.cpu) } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(meta.libc ? { libc: [].concat(meta.libc) } : {}),
      optional: true,
      ...(meta.os ? { os: [].concat(meta.os) } : {}),
    };
    added++;
  }
}
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
