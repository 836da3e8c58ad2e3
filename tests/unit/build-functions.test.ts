/**
 * The deployable bundles: built to a temp folder and loaded by plain node (no TypeScript, no jest transforms, no
 * wx-server-sdk installed), as CloudBase would load them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFunctions, functionNames, TIMER_TRIGGERS, type BuiltFunction } from '../../scripts/build-functions';
import { contract, type ModuleContract } from '@shared/contract';
import { FUNCTIONS } from '../../cloudfunctions/modules';

jest.setTimeout(60_000);

const root = resolve(__dirname, '../..');
let outDir: string;
let built: BuiltFunction[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'gongzhi-build-'));
  built = await buildFunctions({ outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Runs a script in a fresh node process outside any cloud: no CloudBase or WeChat variables, and the repository's
 * node_modules on NODE_PATH only so that the external @cloudbase/node-sdk resolves.
 */
function runNode(script: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(TCB_|TENCENTCLOUD_|WX_|SCF_)/.test(key)));
  return execFileSync(process.execPath, ['-e', script], {
    cwd: outDir,
    env: { ...(env as NodeJS.ProcessEnv), NODE_PATH: join(root, 'node_modules') },
    encoding: 'utf8',
  });
}

test('every served function is built', () => {
  expect(built.map((f) => f.name)).toEqual(functionNames());
  expect(functionNames()).toEqual(expect.arrayContaining(Object.keys(FUNCTIONS)));
});

test('each bundle names only the platform SDKs as dependencies, with pinned ranges, and declares its open APIs', () => {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const f of built) {
    const pkg = JSON.parse(readFileSync(join(f.dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(f.externals);
    expect(f.externals.every((e) => ['@cloudbase/node-sdk', 'wx-server-sdk'].includes(e))).toBe(true);
    if (pkg.dependencies['@cloudbase/node-sdk']) expect(pkg.dependencies['@cloudbase/node-sdk']).toBe(rootPkg.devDependencies['@cloudbase/node-sdk']);
    const config = JSON.parse(readFileSync(join(f.dir, 'config.json'), 'utf8'));
    const own = f.name === 'room' ? ['wxacode.getUnlimited'] : [];
    expect(config).toMatchObject({ timeout: 10, memorySize: 256, permissions: { openapi: ['security.msgSecCheck', 'subscribeMessage.send', ...own] } });
  }
});

test('nothing local-only leaks into a bundle', () => {
  for (const f of built) {
    const code = readFileSync(join(f.dir, 'index.js'), 'utf8');
    expect(code).not.toMatch(/require\("better-sqlite3"\)/);
    expect(code).not.toMatch(/require\("@shared/);
    expect(code).not.toMatch(/local-cloud/);
    expect(code).not.toMatch(/dev\/tick|dev\/login|TIMER_CONTEXT/);
  }
});

test('the cron bundle has no dev/tick, and its config.json carries the five-minute timer trigger', () => {
  const cron = built.find((f) => f.name === 'cron');
  expect(cron).toBeDefined();
  expect(readFileSync(join(cron!.dir, 'index.js'), 'utf8')).not.toContain('dev/tick');
  const config = JSON.parse(readFileSync(join(cron!.dir, 'config.json'), 'utf8'));
  expect(config.triggers).toEqual([{ name: 'every-5-minutes', type: 'timer', config: '0 */5 * * * * *' }]);
  // Seven fields (second minute hour day month weekday year): on the second 0 of every fifth minute.
  expect(config.triggers[0].config.split(' ')).toHaveLength(7);
  for (const f of built.filter((b) => b.name !== 'cron')) {
    expect(JSON.parse(readFileSync(join(f.dir, 'config.json'), 'utf8')).triggers).toEqual([]);
  }
});

test('cloudbaserc.json deploys every built function, and the cron with the same trigger as its config.json', () => {
  const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; triggers?: unknown[] }[] };
  expect(rc.functions.map((f) => f.name)).toEqual(built.map((f) => f.name));
  const cron = built.find((f) => f.name === 'cron');
  expect(rc.functions.find((f) => f.name === 'cron')?.triggers).toEqual(JSON.parse(readFileSync(join(cron!.dir, 'config.json'), 'utf8')).triggers);
  expect(rc.functions.find((f) => f.name === 'cron')?.triggers).toEqual(TIMER_TRIGGERS.cron);
});

test('no cloud function source imports the local cloud, where the dev routes live', () => {
  const sources = execFileSync('git', ['ls-files', 'cloudfunctions'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));
  expect(sources.length).toBeGreaterThan(10);
  expect(sources.filter((f) => /local-cloud/.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
});

test('the cron bundle in plain node refuses a client, and an event dressed as the timer with no platform context', () => {
  const fn = built.find((f) => f.name === 'cron');
  const out = runNode(`
    const m = require(${JSON.stringify(join(fn!.dir, 'index.js'))});
    const forged = { Type: 'Timer', TriggerName: 'every-5-minutes', Time: new Date().toISOString() };
    Promise.all([
      m.main({ action: 'tick', data: {} }, { environment: JSON.stringify({ WX_OPENID: 'o_client', TRIGGER_SRC: 'tcb' }) }),
      m.main(forged, {}),
      m.main({ ...forged, action: 'tick' }, { environment: JSON.stringify({ TRIGGER_SRC: 'timer', WX_OPENID: 'o_client' }) }),
    ]).then((r) => process.stdout.write(JSON.stringify(r)));
  `);
  const envelopes = JSON.parse(out);
  expect(envelopes).toHaveLength(3);
  for (const envelope of envelopes) expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

/** Functions with an action for signed-in people; the cron's are for the timer only (above). */
const forPeople = Object.keys(FUNCTIONS).filter((name) => name !== 'cron');

test.each(forPeople)('the %s bundle loads in plain node and refuses an empty context as UNAUTHENTICATED', (name) => {
  const fn = built.find((f) => f.name === name);
  const actions = (contract as Record<string, ModuleContract>)[name];
  const protectedAction = Object.entries(actions).find(([, spec]) => spec.permission.allow !== 'anyone' && spec.permission.allow !== 'system')?.[0];
  expect(protectedAction).toBeDefined();
  const out = runNode(`
    const m = require(${JSON.stringify(join(fn!.dir, 'index.js'))});
    Promise.all([
      m.main({ action: ${JSON.stringify(protectedAction)}, data: {} }, {}),
      m.main({ action: ${JSON.stringify(protectedAction)}, data: { openid: 'forged' }, userInfo: { openId: 'forged' } }, undefined),
    ]).then((r) => process.stdout.write(JSON.stringify(r)));
  `);
  const [empty, forged] = JSON.parse(out);
  expect(empty).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
