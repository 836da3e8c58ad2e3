/**
 * cloudbaserc.json, which `tcb fn deploy` reads, is generated from the function list: the committed file must be
 * exactly what `npm run cloudbaserc` writes, so a new module or trigger cannot be left out of a deploy.
 */
import { readFileSync } from 'node:fs';
import { cloudbaserc, CLOUDBASERC_PATH, functionNames, MEMORY_MB, TIMEOUT_SECONDS, TIMER_TRIGGERS } from '../../scripts/build-functions';
import { FUNCTIONS } from '../../cloudfunctions/modules';

interface Rc {
  envId: string;
  functionRoot: string;
  functions: { name: string; handler: string; timeout: number; memorySize: number; triggers?: unknown[] }[];
}

const generated = JSON.parse(cloudbaserc()) as Rc;

test('the committed cloudbaserc.json is what the function list implies (run `npm run cloudbaserc` after adding one)', () => {
  expect(readFileSync(CLOUDBASERC_PATH, 'utf8')).toBe(cloudbaserc());
});

test('it deploys every function the build makes, each module\'s and the cron, from dist/cloudfunctions', () => {
  expect(generated.functions.map((f) => f.name)).toEqual(functionNames());
  expect(functionNames()).toEqual(expect.arrayContaining([...Object.keys(FUNCTIONS), 'cron']));
  expect(generated).toMatchObject({ envId: '{{env.TCB_ENV}}', functionRoot: './dist/cloudfunctions' });
  for (const f of generated.functions) expect(f).toMatchObject({ handler: 'index.main', timeout: TIMEOUT_SECONDS, memorySize: MEMORY_MB });
});

test('the cron carries its timer trigger, and no other function has one', () => {
  for (const f of generated.functions) expect(f.triggers).toEqual(TIMER_TRIGGERS[f.name]);
  expect(generated.functions.find((f) => f.name === 'cron')?.triggers).toEqual([{ name: 'every-5-minutes', type: 'timer', config: '0 */5 * * * * *' }]);
});
