/**
 * Writes `cloudbaserc.json` from the function list (`cloudfunctions/modules.ts`) and the build's settings and timer
 * triggers (`scripts/build-functions.ts`). The CloudBase CLI reads the file, so it stays committed; a unit test and
 * `npm run build:functions` fail while it is out of date.
 *
 *   npm run cloudbaserc              rewrites it
 *   npm run cloudbaserc -- --check   exits 1 when it is out of date
 */
import { writeFileSync } from 'node:fs';
import { cloudbaserc, CLOUDBASERC_PATH, cloudbasercIsCurrent } from './build-functions';

if (process.argv.includes('--check')) {
  if (!cloudbasercIsCurrent()) {
    console.error('cloudbaserc.json 已过期：请运行 npm run cloudbaserc 并提交。');
    process.exit(1);
  }
  console.log('cloudbaserc.json 与云函数列表一致。');
} else {
  writeFileSync(CLOUDBASERC_PATH, cloudbaserc());
  console.log('已写入 cloudbaserc.json');
}
