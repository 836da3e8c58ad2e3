/**
 * WeChat DevTools opens the repository root, where the app is `dist/weapp/` and the functions
 * `dist/cloudfunctions/`. Taro has already written `dist/weapp/project.config.json` with the AppID from
 * TARO_APP_ID; this writes the root's copy from it, so the AppID lives only in the build's environment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const built = JSON.parse(readFileSync(join(root, 'dist/weapp/project.config.json'), 'utf8')) as { appid: string } & Record<string, unknown>;
const config = { ...built, miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'dist/cloudfunctions/' };
writeFileSync(join(root, 'project.config.json'), `${JSON.stringify(config, null, 2)}\n`);
console.log(`project.config.json: appid ${config.appid}`);
