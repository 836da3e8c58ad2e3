/**
 * The 创享计划 tallies: greedy and the Method of Equal Shares with add1 completion. Hand-worked cases, the
 * official Wieliczka 2023 result, a literal exact-fraction MES (tests/support/mes-oracle.ts) on many small
 * rounds, and properties every result must have.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { electionOf, equalShares, formatPb, greedy, parsePb, profileOf, satisfiedShare, shareFlow, totalCost, type Election } from '@shared/budget/tally';
import { oracleMes } from '../support/mes-oracle';

const PABULIB = join(__dirname, '../../../shared/pabulib');
const pb = (name: string) => parsePb(readFileSync(join(PABULIB, name), 'utf8'));
const ids = (e: Election, winners: number[]) => winners.map((c) => e.projects[c].id);

/** Voters as strings of project letters: 'AB' approves A and B. */
function election(budget: number, costs: Record<string, number>, voters: string[]): Election {
  return { budget, projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })), ballots: voters.map((v) => [...v]) };
}

describe('hand-worked', () => {
  // Budget 100, ten voters, so 10 yuan each. Six like A (60) and B (40); four like C (40).
  const e = election(100, { A: 60, B: 40, C: 40 }, ['AB', 'AB', 'AB', 'AB', 'AB', 'AB', 'C', 'C', 'C', 'C']);

  test('greedy takes the two most-voted projects, which spend the whole budget on the six', () => {
    expect(ids(e, greedy(profileOf(e)))).toEqual(['B', 'A']);
  });

  test('MES gives the four their share: B (tied with A on six effective votes, cheaper) then C; A no longer affordable', () => {
    // B: the six pay 40/6 each, 3⅓ left each, 20 in all < 60 for A. C: the four pay 10 each, 4 effective votes.
    const outcome = equalShares(profileOf(e));
    expect(ids(e, outcome.winners)).toEqual(['B', 'C']);
    expect(outcome.steps.map((s) => s.effectiveVotes)).toEqual([6, 4]);
    expect(outcome.steps[0].payment).toBeCloseTo(40 / 6, 10);
    expect(outcome.share).toBe(10);
    expect(satisfiedShare(profileOf(e), outcome.winners)).toBe(1);
    expect(satisfiedShare(profileOf(e), greedy(profileOf(e)))).toBe(0.6);
  });

  // Budget 30, three voters (10 each). All like Q (18); the first also likes R (9) and P (12).
  const raise = election(30, { Q: 18, R: 9, P: 12 }, ['QRP', 'Q', 'Q']);

  test('without completion MES buys Q only: 4 yuan each are left, too little for R', () => {
    expect(ids(raise, equalShares(profileOf(raise), { completion: 'none' }).winners)).toEqual(['Q']);
  });

  test('add1 raises the share to 15, where the first voter has 9 left after Q and buys R; 3 yuan are left, so it stops', () => {
    const outcome = equalShares(profileOf(raise));
    expect(ids(raise, outcome.winners)).toEqual(['Q', 'R']);
    expect(outcome.share).toBe(15);
    const flow = shareFlow([0, 1, 2], outcome);
    expect(flow.paid.map((p) => [raise.projects[p.project].id, p.amount])).toEqual([['Q', 6], ['R', 9]]);
    expect(flow.left).toBe(0);
  });

  test('raising until overspending instead keeps going to 26: at 27 the first voter could also buy P (39 yuan in all)', () => {
    const outcome = equalShares(profileOf(raise), { stopWhenExhaustive: false });
    expect(ids(raise, outcome.winners)).toEqual(['Q', 'R']);
    expect(outcome.share).toBe(26);
  });

  test('a supporter short of the equal part pays all they have, and the others cover the rest', () => {
    // Budget 50, five voters (10 each). U (36) is liked by the first four: 9 each, 4 effective votes.
    // T (8) by the first and the fifth: 2 effective votes at first, so U goes first and leaves the first with 1.
    // Then T: the equal part would be 4; the first pays the 1 they have, the fifth pays 7; 8/7 effective votes.
    const e = election(50, { U: 36, T: 8 }, ['UT', 'U', 'U', 'U', 'T']);
    const outcome = equalShares(profileOf(e));
    expect(ids(e, outcome.winners)).toEqual(['U', 'T']);
    expect(outcome.steps[1].payment).toBeCloseTo(7, 10);
    expect(outcome.steps[1].effectiveVotes).toBeCloseTo(8 / 7, 10);
    expect(outcome.steps[1].exhausted).toBe(1);
    const first = shareFlow([0, 1], outcome);
    expect(first.paid.map((p) => p.amount)).toEqual([9, 1]);
    expect(first.left).toBe(0);
    const fifth = shareFlow([1], outcome);
    expect(fifth.paid.map((p) => p.amount)).toEqual([7]);
    expect(fifth.left).toBe(3);
  });
});

describe('Wieliczka 2023 green budget (6,586 voters, 64 projects, the first real use of MES)', () => {
  const file = pb('poland_wieliczka_2023_green-budget.pb');
  const e = electionOf(file);
  const official = file.projects.filter((p) => p.selected === '1').map((p) => p.project_id).sort();

  test("the official winners are MES with whole-yuan raises kept while they fit the budget", () => {
    const outcome = equalShares(profileOf(e), { stopWhenExhaustive: false });
    expect(ids(e, outcome.winners).sort()).toEqual(official);
  });

  test('equalshares.net’s reference add1 stops earlier, at the first share whose outcome leaves nothing that fits', () => {
    const profile = profileOf(e);
    const outcome = equalShares(profile);
    expect(equalShares(profile, { everyShare: true })).toEqual({ ...outcome, runs: expect.any(Number) });
    const chosen = new Set(ids(e, outcome.winners));
    const left = e.budget - totalCost(profile, outcome.winners);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(e.projects.every((p) => chosen.has(p.id) || p.cost > left)).toBe(true);
    // Stopping there leaves money that the official count, raising on, spent.
    expect(totalCost(profile, outcome.winners)).toBeLessThan(file.projects.filter((p) => p.selected === '1').reduce((sum, p) => sum + Number(p.cost), 0));
  });
});

describe('against the literal exact-fraction MES', () => {
  test.each(['synthetic_approval.pb', 'synthetic_approval_2.pb', 'synthetic_approval_3.pb', 'synthetic_approval_4.pb'])('%s, both completions', (name) => {
    const e = electionOf(pb(name));
    const oracle = { budget: e.budget, costs: e.projects.map((p) => p.cost), ballots: e.ballots.map((b) => b.map((id) => e.projects.findIndex((p) => p.id === id))) };
    for (const exhaustive of [true, false]) {
      const fast = equalShares(profileOf(e), { stopWhenExhaustive: exhaustive });
      const exact = oracleMes(oracle, exhaustive);
      expect(fast.winners).toEqual(exact.winners);
      expect(fast.share).toBeCloseTo(Number(exact.share.n) / Number(exact.share.d), 9);
    }
  });

  test('random rounds of up to 12 projects and 40 voters, both completions', () => {
    fc.assert(
      fc.property(smallRound(), fc.boolean(), (e, exhaustive) => {
        const oracle = { budget: e.budget, costs: e.projects.map((p) => p.cost), ballots: e.ballots.map((b) => b.map((id) => Number(id.slice(1)))) };
        expect(equalShares(profileOf(e), { stopWhenExhaustive: exhaustive }).winners).toEqual(oracleMes(oracle, exhaustive).winners);
      }),
      { numRuns: 150 },
    );
  });
});

describe('properties', () => {
  test('MES never spends more than the budget, and each purchase is paid in full by its supporters’ shares', () => {
    fc.assert(
      fc.property(smallRound(), (e) => {
        const profile = profileOf(e);
        const outcome = equalShares(profile);
        expect(totalCost(profile, outcome.winners)).toBeLessThanOrEqual(e.budget);
        // Replay every voter's money through the purchases.
        const money = e.ballots.map(() => outcome.share);
        for (const step of outcome.steps) {
          let paid = 0;
          e.ballots.forEach((ballot, i) => {
            if (!ballot.includes(e.projects[step.project].id)) return;
            const part = Math.min(money[i], step.payment);
            money[i] -= part;
            paid += part;
          });
          expect(paid).toBeCloseTo(e.projects[step.project].cost, 6);
        }
        expect(money.every((m) => m >= -1e-9)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('greedy takes projects in order of votes, skipping only those that no longer fit', () => {
    fc.assert(
      fc.property(smallRound(), (e) => {
        const profile = profileOf(e);
        const winners = greedy(profile);
        const votes = (c: number) => profile.votes[c];
        for (let k = 1; k < winners.length; k++) expect(votes(winners[k - 1])).toBeGreaterThanOrEqual(votes(winners[k]));
        // A project with votes left out did not fit in what was left when its turn came.
        const chosen = new Set(winners);
        for (let c = 0; c < e.projects.length; c++) {
          if (chosen.has(c) || votes(c) === 0) continue;
          const before = winners.filter((w) => votes(w) > votes(c) || (votes(w) === votes(c) && (profile.cost[w] < profile.cost[c] || (profile.cost[w] === profile.cost[c] && w < c))));
          expect(e.budget - totalCost(profile, before)).toBeLessThan(profile.cost[c]);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('skipping the shares that cannot change anything gives exactly what trying every share gives', () => {
    fc.assert(
      fc.property(smallRound(), fc.boolean(), (e, exhaustive) => {
        const profile = profileOf(e);
        const fast = equalShares(profile, { stopWhenExhaustive: exhaustive });
        const every = equalShares(profile, { stopWhenExhaustive: exhaustive, everyShare: true });
        expect(fast.winners).toEqual(every.winners);
        expect(fast.share).toBe(every.share);
        expect(fast.runs).toBeLessThanOrEqual(every.runs + 1);
      }),
      { numRuns: 200 },
    );
  });

  test('the order of the ballots changes nothing', () => {
    fc.assert(
      fc.property(smallRound(), (e) => {
        const reversed = { ...e, ballots: [...e.ballots].reverse() };
        expect(equalShares(profileOf(reversed)).winners).toEqual(equalShares(profileOf(e)).winners);
        expect(greedy(profileOf(reversed))).toEqual(greedy(profileOf(e)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('pabulib .pb', () => {
  test.each(['poland_wieliczka_2023_green-budget.pb', 'poland_warszawa_2021_bielany.pb', 'synthetic_approval_2.pb'])('%s survives writing and reading back', (name) => {
    const file = pb(name);
    const again = parsePb(formatPb(file));
    expect(again).toEqual(file);
    expect(electionOf(again)).toEqual(electionOf(file));
  });

  test('quoted fields keep their semicolons and quotes', () => {
    const file = { meta: { budget: '100', description: '东区; "口袋公园"' }, projects: [{ project_id: 'p1', cost: '50', name: '健身角; 二期' }], votes: [{ voter_id: '1', vote: 'p1' }] };
    expect(parsePb(formatPb(file))).toEqual(file);
  });

  test.each([
    ['rows before any section', 'project_id;cost\np1;5\n', '文件应以 META 段开头'],
    ['no META', 'PROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n', '缺少 META 段'],
    ['no budget', 'META\nkey;value\nnum_projects;0\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n', '缺少 budget'],
    ['no cost column', 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;name\nVOTES\nvoter_id;vote\n', 'PROJECTS 段缺少 cost 列'],
    ['no VOTES', 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n', '缺少 VOTES 段'],
  ])('refuses a file with %s, in Chinese', (_label, text, message) => {
    expect(() => parsePb(text)).toThrow(message);
  });

  test('refuses ballots other than approval', () => {
    const text = 'META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\np1;5\nVOTES\nvoter_id;vote\n1;p1\n';
    expect(() => electionOf(parsePb(text))).toThrow('只支持 approval 选票');
  });
});

/** A round with 2–12 projects of 1–60 yuan and 1–40 voters approving 0–5 each; the budget 10–200 yuan. */
function smallRound(): fc.Arbitrary<Election> {
  return fc.integer({ min: 2, max: 12 }).chain((m) =>
    fc.record({
      budget: fc.integer({ min: 10, max: 200 }),
      projects: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: m, maxLength: m }).map((costs) => costs.map((cost, i) => ({ id: `p${i}`, cost }))),
      ballots: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: 5 }).map((b) => b.map((i) => `p${i}`)), { minLength: 1, maxLength: 40 }),
    }),
  );
}

describe('npm run pb:tally', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../scripts/pb-tally.ts'), ...args], { encoding: 'utf8' });

  test.each([
    ['mes', [], {}],
    ['mes', ['--completion', 'none'], { completion: 'none' as const }],
    ['mes', ['--until-overspend'], { stopWhenExhaustive: false }],
  ])('--rule %s %j prints the app’s MES winners as one JSON object', (rule, extra, options) => {
    const file = join(PABULIB, 'synthetic_approval_4.pb');
    const out = run(file, '--rule', rule, ...extra);
    expect(out.status).toBe(0);
    const printed = JSON.parse(out.stdout);
    const e = electionOf(pb('synthetic_approval_4.pb'));
    expect(printed.winners).toEqual(ids(e, equalShares(profileOf(e), options).winners));
    expect(typeof printed.ms).toBe('number');
  });

  test('--rule greedy prints greedy’s winners', () => {
    const out = run(join(PABULIB, 'synthetic_approval_2.pb'), '--rule', 'greedy');
    const e = electionOf(pb('synthetic_approval_2.pb'));
    expect(JSON.parse(out.stdout).winners).toEqual(ids(e, greedy(profileOf(e))));
  });

  test('a bad rule or a missing file exits 2 with a Chinese message and the usage', () => {
    const bad = run(join(PABULIB, 'synthetic_approval.pb'), '--rule', 'borda');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--rule 只能是 mes 或 greedy');
    const missing = run('no-such-file.pb', '--rule', 'mes');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('用法');
  });
});
