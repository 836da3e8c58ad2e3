import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { maxLengthOf } from '../../miniprogram/src/services/limits';

// The counters under text boxes read their limit from the contract; a renamed field must fail here, not on a phone.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const calls = sourceFiles(join(__dirname, '../../miniprogram/src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/maxLengthOf\('(\w+)', '(\w+)', '([\w.]+)'\)/g)].map((m) => ({ file, fn: m[1], action: m[2], path: m[3] })),
);

test('the app asks for limits in several forms', () => {
  expect(calls.length).toBeGreaterThan(15);
});

test.each(calls.map((c) => [`${c.fn}.${c.action} ${c.path}`, c] as const))('%s has a limit in the contract', (_name, c) => {
  expect(maxLengthOf(c.fn as 'consultation', c.action as never, c.path)).toBeGreaterThan(0);
});

test('limits are the schema’s own, through objects and arrays', () => {
  expect(maxLengthOf('consultation', 'submitOpinion', 'title')).toBe(40);
  expect(maxLengthOf('consultation', 'submitOpinion', 'description')).toBe(1000);
  expect(maxLengthOf('consultation', 'savePlan', 'plan.agenda')).toBe(100);
  expect(maxLengthOf('consultation', 'savePlan', 'plan.options')).toBe(60);
  expect(maxLengthOf('consultation', 'publishReport', 'milestones.title')).toBe(60);
  expect(maxLengthOf('user', 'reviewResidency', 'reason')).toBe(200);
});

test('a field with no length limit is refused loudly', () => {
  expect(() => maxLengthOf('consultation', 'submitOpinion', 'category')).toThrow('没有长度上限');
  expect(() => maxLengthOf('consultation', 'submitOpinion', 'nope')).toThrow();
});
