/**
 * `npm run deploy:weapp -- preview|upload [--version 1.2.0] [--desc "…"]`: builds the release weapp, checks
 * it as WeChat would, and previews or uploads it with miniprogram-ci, WeChat's official CI module, with no
 * DevTools. Needs, in the environment:
 * - TARO_APP_ID and TARO_APP_CLOUD_ENV (see miniprogram/config/wechat.ts);
 * - MP_PRIVATE_KEY_PATH: the upload key downloaded from the mini-program console (开发管理 → 开发设置 →
 *   小程序代码上传), whose IP whitelist must include this machine.
 * Without a key it does nothing and says so (exit 0), so CI and fresh clones can run it safely.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => unknown;
  preview(options: Record<string, unknown>): Promise<unknown>;
  upload(options: Record<string, unknown>): Promise<unknown>;
}

const root = resolve(__dirname, '..');
const deployDir = join(root, 'scripts/deploy');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== 'preview' && mode !== 'upload') throw new Error('usage: npm run deploy:weapp -- preview|upload [--version X.Y.Z] [--desc text]');
  const keyPath = process.env.MP_PRIVATE_KEY_PATH;
  if (!keyPath) {
    console.log(`deploy:weapp ${mode}: skipped — MP_PRIVATE_KEY_PATH is not set (see README "Deploying")`);
    return;
  }
  if (!existsSync(keyPath)) throw new Error(`MP_PRIVATE_KEY_PATH ${keyPath} does not exist`);

  // The release build refuses to start without TARO_APP_ID and TARO_APP_CLOUD_ENV.
  execSync('npm run build:weapp:release && npm run check:weapp', { cwd: root, stdio: 'inherit' });
  const ci = loadMiniprogramCi();
  const project = new ci.Project({
    appid: process.env.TARO_APP_ID,
    type: 'miniProgram',
    projectPath: join(root, 'dist/weapp'),
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  // Taro has already transpiled and minified; WeChat must not transform the code again.
  const common = { project, desc: option('desc') ?? `共治 ${new Date().toISOString().slice(0, 10)}`, setting: { es6: false, minify: false }, robot: 1 };
  if (mode === 'preview') {
    const qrcode = join(root, 'dist/weapp-preview.jpg');
    await ci.preview({ ...common, qrcodeFormat: 'image', qrcodeOutputDest: qrcode });
    console.log(`deploy:weapp preview: scan ${qrcode} with WeChat`);
  } else {
    const version = option('version') ?? (JSON.parse(execSync('npm pkg get version', { cwd: root, encoding: 'utf8' })) as string);
    await ci.upload({ ...common, version });
    console.log(`deploy:weapp upload: version ${version} is in the console's 版本管理 as a development version`);
  }
}

/** Installed into scripts/deploy/ on first use, from its own lock: see scripts/deploy/package.json. */
function loadMiniprogramCi(): MiniprogramCi {
  if (!existsSync(join(deployDir, 'node_modules/miniprogram-ci'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: deployDir, stdio: 'inherit' });
  }
  return createRequire(join(deployDir, 'package.json'))('miniprogram-ci') as MiniprogramCi;
}

main().catch((error: unknown) => {
  console.error(`deploy:weapp: ${(error as Error).message}`);
  process.exit(1);
});
