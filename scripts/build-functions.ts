/**
 * Bundles each cloud function for CloudBase: `dist/cloudfunctions/<name>/` with `index.js` (one file, shared code
 * and the contract inlined), a `package.json` naming only the SDKs the bundle leaves to the platform, and a
 * `config.json` (timeout, memory, open-API permissions, timer triggers).
 *
 *   npm run build:functions
 *
 * Functions are those of `FUNCTIONS` (`cloudfunctions/modules.ts`: each module's and the platform's `cron`), plus any
 * `cloudfunctions/<name>/index.ts`. A listed function without an `index.ts` gets the standard entry generated: `main`
 * calling `<name>Function` from `<name>/function.ts`. `cloudbaserc.json` is written from the same list (`npm run
 * cloudbaserc`); the build fails while the committed one is out of date.
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CRON_TRIGGER } from '../cloudfunctions/cron/schedule';
import { FUNCTIONS } from '../cloudfunctions/modules';

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

/** Open APIs only one function calls: the room function draws the door's mini-program code. */
const FUNCTION_OPENAPI: Record<string, string[]> = { room: ['wxacode.getUnlimited'] };

/** CloudBase's 3 s default is short for a cold start plus a transaction with retries. */
export const TIMEOUT_SECONDS = 10;
export const MEMORY_MB = 256;

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

/** Timer triggers by function (seven-field CloudBase cron, Shanghai time: see `cron/schedule.ts`). */
export const TIMER_TRIGGERS: Readonly<Record<string, readonly TimerTrigger[]>> = {
  cron: [CRON_TRIGGER],
};

/** CloudBase's Node 18 runtime, which the bundles target. */
const RUNTIME = 'Nodejs18.15';

/**
 * The text of `cloudbaserc.json`, which `tcb fn deploy` reads: every function the build makes, with the timeout,
 * memory and timer triggers its config.json has. Committed, and rewritten by `npm run cloudbaserc`.
 */
export function cloudbaserc(): string {
  const functions = functionNames().map((name) => ({
    name,
    handler: 'index.main',
    runtime: RUNTIME,
    timeout: TIMEOUT_SECONDS,
    memorySize: MEMORY_MB,
    installDependency: true,
    ...(TIMER_TRIGGERS[name] ? { triggers: TIMER_TRIGGERS[name] } : {}),
  }));
  const rc = {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    functionRoot: './dist/cloudfunctions',
    functions,
  };
  return `${JSON.stringify(rc, null, 2)}\n`;
}

export const CLOUDBASERC_PATH = join(root, 'cloudbaserc.json');

/** Whether the committed cloudbaserc.json is what the function list implies. */
export function cloudbasercIsCurrent(): boolean {
  return existsSync(CLOUDBASERC_PATH) && readFileSync(CLOUDBASERC_PATH, 'utf8') === cloudbaserc();
}

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
      permissions: { openapi: [...OPENAPI_PERMISSIONS, ...(FUNCTION_OPENAPI[name] ?? [])] },
      triggers: TIMER_TRIGGERS[name] ?? [],
    };
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    built.push({ name, dir, bytes: statSync(join(dir, 'index.js')).size, externals });
  }
  return built;
}

async function main() {
  const started = Date.now();
  const built = await buildFunctions();
  for (const f of built) {
    console.log(`${f.name.padEnd(16)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB   外部依赖: ${f.externals.join(', ') || '无'}`);
  }
  console.log(`已构建 ${built.length} 个云函数到 dist/cloudfunctions（${Date.now() - started} ms）`);
  // `tcb fn deploy` reads cloudbaserc.json: a function or trigger missing there would silently not be deployed.
  if (!cloudbasercIsCurrent()) {
    console.warn('注意：cloudbaserc.json 与云函数列表不一致，请运行 npm run cloudbaserc 重新生成并提交。');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
