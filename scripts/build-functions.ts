/**
 * Bundles each cloud function for CloudBase: `dist/cloudfunctions/<name>/` with `index.js` (one file, shared code
 * and the contract inlined), a `package.json` naming only the SDKs the bundle leaves to the platform, and a
 * `config.json` (timeout, memory, open-API permissions, timer triggers).
 *
 *   npm run build:functions
 *
 * Functions are those in `cloudfunctions/functions.ts`, plus any `cloudfunctions/<name>/index.ts`. A listed
 * function without an `index.ts` gets the standard entry generated: `main` calling `<name>Function` from
 * `<name>/function.ts`.
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CRON_TRIGGER } from '../cloudfunctions/cron/schedule';
import { FUNCTIONS } from '../cloudfunctions/functions';

const root = resolve(__dirname, '..');
const sourceDir = join(root, 'cloudfunctions');

/**
 * Left out of the bundle and installed by CloudBase from the function's package.json: the platform SDKs, which
 * are large and whose versions the platform vouches for.
 */
const EXTERNALS = ['@cloudbase/node-sdk', 'wx-server-sdk'];

/**
 * wx-server-sdk is not a dependency of this repository (nothing runs it locally), so its range lives here.
 * 4.0.2 was the newest on npm when this was written (`npm view wx-server-sdk version`).
 */
const WX_SERVER_SDK_RANGE = '^4.0.2';

/** WeChat open APIs the functions call through wx-server-sdk; a function must declare them to be allowed. */
const OPENAPI_PERMISSIONS = ['security.msgSecCheck', 'subscribeMessage.send'];

/** CloudBase's 3 s default is short for a cold start plus a transaction with retries. */
const TIMEOUT_SECONDS = 10;
const MEMORY_MB = 256;

/** Timer triggers by function (seven-field CloudBase cron, Shanghai time: see `cron/schedule.ts`). */
export const TIMER_TRIGGERS: Record<string, { name: string; type: 'timer'; config: string }[]> = {
  cron: [CRON_TRIGGER],
};

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
  externals: string[];
}

/** Every function to build: the served ones, and any folder with its own entry. */
export function functionNames(): string[] {
  const withEntry = readdirSync(sourceDir).filter(
    (name) => name !== 'core' && statSync(join(sourceDir, name)).isDirectory() && existsSync(join(sourceDir, name, 'index.ts')),
  );
  return [...new Set([...Object.keys(FUNCTIONS), ...withEntry])].sort();
}

function externalRanges(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const nodeSdk = pkg.dependencies?.['@cloudbase/node-sdk'] ?? pkg.devDependencies?.['@cloudbase/node-sdk'];
  if (!nodeSdk) throw new Error('@cloudbase/node-sdk 不在根 package.json 中，无法确定版本');
  return { '@cloudbase/node-sdk': nodeSdk, 'wx-server-sdk': WX_SERVER_SDK_RANGE };
}

/** The packages a bundle still `require`s, which must be installed beside it. */
function requiredExternals(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && EXTERNALS.includes(imported.path)) found.add(imported.path);
    }
  }
  return [...found].sort();
}

function generatedEntry(name: string): string {
  return [
    `import { cloudbaseRuntime } from './core/runtime-cloudbase';`,
    `import { ${name}Function } from './${name}/function';`,
    `export async function main(event: Parameters<typeof ${name}Function>[1], context: unknown) {`,
    `  return ${name}Function(cloudbaseRuntime(), event, context);`,
    `}`,
  ].join('\n');
}

export async function buildFunctions(options: { outDir?: string; names?: string[] } = {}): Promise<BuiltFunction[]> {
  const outRoot = options.outDir ?? join(root, 'dist/cloudfunctions');
  const names = options.names ?? functionNames();
  const ranges = externalRanges();
  rmSync(outRoot, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const dir = join(outRoot, name);
    mkdirSync(dir, { recursive: true });
    const entry = join(sourceDir, name, 'index.ts');
    const result = await build({
      ...(existsSync(entry)
        ? { entryPoints: [entry] }
        : { stdin: { contents: generatedEntry(name), resolveDir: sourceDir, loader: 'ts', sourcefile: `${name}/index.ts` } }),
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: EXTERNALS,
      alias: { '@shared': join(root, 'shared') },
      tsconfig: join(root, 'tsconfig.json'),
      // Readable stack traces in the CloudBase log beat the few KB minifying would save.
      minify: false,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    const externals = requiredExternals(result.metafile);
    const pkg = {
      name: `gongzhi-${name}`,
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: Object.fromEntries(externals.map((e) => [e, ranges[e]])),
    };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    const config = {
      timeout: TIMEOUT_SECONDS,
      memorySize: MEMORY_MB,
      permissions: { openapi: OPENAPI_PERMISSIONS },
      triggers: TIMER_TRIGGERS[name] ?? [],
    };
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    built.push({ name, dir, bytes: statSync(join(dir, 'index.js')).size, externals });
  }
  return built;
}

/** The functions cloudbaserc.json deploys, so a new function is not silently left out of `tcb fn deploy`. */
function deployedNames(): string[] {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions?: { name: string }[] };
  return (rc.functions ?? []).map((f) => f.name);
}

async function main() {
  const started = Date.now();
  const built = await buildFunctions();
  for (const f of built) {
    console.log(`${f.name.padEnd(16)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB   外部依赖: ${f.externals.join(', ') || '无'}`);
  }
  console.log(`已构建 ${built.length} 个云函数到 dist/cloudfunctions（${Date.now() - started} ms）`);
  const deployed = new Set(deployedNames());
  const missing = built.map((f) => f.name).filter((n) => !deployed.has(n));
  if (missing.length) {
    console.warn(`注意：cloudbaserc.json 未列出 ${missing.join('、')}，部署时不会包含它们。`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
