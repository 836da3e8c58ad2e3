/**
 * `npm run check:weapp [dir]`: checks a weapp build (default `dist/weapp`, after `npm run build:weapp`) the way
 * WeChat DevTools would load it, and names each problem with its file and position. Exits 1 on any.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkWeapp } from './index';
import { formatProblem } from './problem';

const dir = resolve(process.argv[2] ?? resolve(__dirname, '../../dist/weapp'));
if (!existsSync(resolve(dir, 'app.json'))) {
  console.error(`check:weapp: no app.json in ${dir}; run npm run build:weapp first`);
  process.exit(1);
}
const problems = checkWeapp(dir);
for (const p of problems) console.log(formatProblem(p));
console.log(problems.length === 0 ? `check:weapp: ${dir} passes wcsc, wcc, ES5 parsing and the app.json checks` : `check:weapp: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
