/**
 * `npm run pb:tally -- <file.pb> --rule mes|greedy [--completion add1|none] [--until-overspend]`
 *
 * Tallies a pabulib approval file with the app's own code and prints one JSON object:
 * {"winners": [project ids in buying order], "ms": tally milliseconds}. Anyone can check a round's published
 * result, or ours against published instances, from the exported ballots.
 */
import { readFileSync } from 'node:fs';
import { electionOf, equalShares, greedy, parsePb, PbFormatError, profileOf } from '../shared/budget/tally';

interface Options {
  file: string;
  rule: 'mes' | 'greedy';
  completion: 'add1' | 'none';
  untilOverspend: boolean;
}

function parseArgs(args: string[]): Options {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !['--rule', '--completion'].includes(args[i - 1]));
  const rule = value('--rule') ?? 'mes';
  const completion = value('--completion') ?? 'add1';
  if (!file) throw new UsageError('请给出 .pb 文件');
  if (rule !== 'mes' && rule !== 'greedy') throw new UsageError(`--rule 只能是 mes 或 greedy，收到 ${rule}`);
  if (completion !== 'add1' && completion !== 'none') throw new UsageError(`--completion 只能是 add1 或 none，收到 ${completion}`);
  return { file, rule, completion, untilOverspend: args.includes('--until-overspend') };
}

class UsageError extends Error {}

export function tallyFile(options: Options): { winners: string[]; ms: number } {
  const election = electionOf(parsePb(readFileSync(options.file, 'utf8')));
  const start = performance.now();
  const profile = profileOf(election);
  const winners =
    options.rule === 'greedy' ? greedy(profile) : equalShares(profile, { completion: options.completion, stopWhenExhaustive: !options.untilOverspend }).winners;
  const ms = performance.now() - start;
  return { winners: winners.map((c) => profile.ids[c]), ms: Math.round(ms * 100) / 100 };
}

if (require.main === module) {
  try {
    process.stdout.write(`${JSON.stringify(tallyFile(parseArgs(process.argv.slice(2))))}\n`);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof PbFormatError || (error as NodeJS.ErrnoException).code === 'ENOENT';
    process.stderr.write(`${known ? (error as Error).message : String(error)}\n用法：npm run pb:tally -- <文件.pb> --rule mes|greedy [--completion add1|none] [--until-overspend]\n`);
    process.exit(2);
  }
}
