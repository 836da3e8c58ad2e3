import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import type { Problem } from './problem';

/**
 * The JavaScript level every bundle must parse at. The project ships with `setting.es6: false`, so WeChat
 * passes the code through as it is, and Taro's Babel targets iOS 9 / Android 5: ES5. The oldest engines
 * WeChat's supported base libraries still run on (iOS 13.0–13.3 among them) fail on newer syntax such as
 * `?.` with a SyntaxError at launch.
 */
export const ES_LEVEL = 5;

export function parseScripts(dir: string, files: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    try {
      parse(readFileSync(join(dir, file), 'utf8'), { ecmaVersion: ES_LEVEL, sourceType: 'script', locations: true });
    } catch (error) {
      const e = error as { message: string; loc?: { line: number; column: number } };
      problems.push({
        check: `ES${ES_LEVEL}`,
        file,
        line: e.loc?.line,
        column: e.loc ? e.loc.column + 1 : undefined,
        message: `${e.message.replace(/ \(\d+:\d+\)$/, '')}: syntax newer than ES${ES_LEVEL} (add the package to transpiledPackages in miniprogram/config/index.ts)`,
      });
    }
  }
  return problems;
}

/**
 * Taro copies the config's `designWidth` function into app.js as source text for `Taro.pxTransform`. Code
 * the config compiler wrote with a helper (`_type_of`, spread) then refers to a name app.js does not have,
 * and the first pxTransform call throws. Run the copy alone to catch that.
 */
export function runDesignWidth(dir: string): Problem[] {
  const file = 'app.js';
  let source: string;
  try {
    source = readFileSync(join(dir, file), 'utf8');
  } catch {
    return [{ check: 'designWidth', file, message: 'app.js is missing' }];
  }
  const start = source.indexOf('designWidth:function');
  if (start === -1) return []; // a number, or no pxTransform set-up: nothing to run
  const fn = balancedFunction(source, start + 'designWidth:'.length);
  try {
    const designWidth = runInNewContext(`(${fn})`, Object.create(null)) as (input?: unknown) => unknown;
    for (const input of [undefined, 750, { file: 'node_modules/@nutui/nutui-react-taro/button.scss' }, { file: 'src/app.scss' }]) {
      if (typeof designWidth(input) !== 'number') throw new Error(`returns no number for ${JSON.stringify(input)}`);
    }
    return [];
  } catch (error) {
    return [{ check: 'designWidth', file, message: `the designWidth copied into app.js fails on its own: ${(error as Error).message}` }];
  }
}

/** `function(…){…}` starting at `from`, up to its matching brace (strings with braces are not expected here). */
function balancedFunction(source: string, from: number): string {
  let depth = 0;
  for (let i = source.indexOf('{', from); i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(from, i + 1);
  }
  return source.slice(from);
}
