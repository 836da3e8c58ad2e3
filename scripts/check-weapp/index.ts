import { checkAppJson } from './app-json';
import { compileStyles, compileTemplates } from './compilers';
import { listFiles } from './packages';
import type { Problem } from './problem';
import { parseScripts, runDesignWidth } from './scripts';
import { checkFlexGap } from './styles';

export type { Problem } from './problem';

/** Everything `npm run check:weapp` checks in a weapp build folder; an empty list means WeChat should load it. */
export function checkWeapp(dir: string): Problem[] {
  const files = listFiles(dir).sort();
  return [
    ...compileStyles(dir, files),
    ...compileTemplates(dir, files),
    ...parseScripts(dir, files),
    ...runDesignWidth(dir),
    ...checkFlexGap(dir, files),
    ...checkAppJson(dir),
  ];
}
