/**
 * The Method of Equal Shares written out literally from its published definition (equalshares.net, approval
 * ballots, cost utilities), one voter at a time, with exact fractions: the yardstick the app's fast tally is
 * checked against. Slow on purpose, and sharing no code with `shared/budget/tally`.
 */

/** A non-negative fraction n/d in lowest terms. */
interface Q {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const min = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);

export interface OracleElection {
  budget: number;
  costs: number[];
  /** Each voter's approved project indexes. */
  ballots: number[][];
}

/** One run of MES with every voter holding `share`; exact. */
function mesRun(e: OracleElection, share: Q): number[] {
  const money = e.ballots.map(() => share);
  const approvers = e.costs.map((_, c) => e.ballots.flatMap((b, i) => (b.includes(c) ? [i] : [])));
  const left = new Set(e.costs.map((_, c) => c).filter((c) => e.costs[c] > 0 && approvers[c].length > 0));
  const winners: number[] = [];
  for (;;) {
    // For each project its supporters can afford, the equal part ρ with Σ min(money_i, ρ) = cost; the winner
    // pays least per yuan of cost (ρ / cost), which is the most effective votes.
    let best: { c: number; rho: Q } | null = null;
    for (const c of [...left]) {
      const cost = q(BigInt(e.costs[c]));
      const held = approvers[c].reduce((s, i) => add(s, money[i]), q(0n));
      if (cmp(held, cost) < 0) {
        left.delete(c);
        continue;
      }
      const sorted = [...approvers[c]].sort((a, b) => cmp(money[a], money[b]));
      let paid = q(0n);
      let rho = q(0n);
      for (let k = 0; k < sorted.length; k++) {
        const even = div(sub(cost, paid), q(BigInt(sorted.length - k)));
        if (cmp(money[sorted[k]], even) < 0) paid = add(paid, money[sorted[k]]);
        else {
          rho = even;
          break;
        }
      }
      const perYuan = div(rho, cost);
      if (!best) best = { c, rho };
      else {
        const order = cmp(perYuan, div(best.rho, q(BigInt(e.costs[best.c]))));
        const b = best.c;
        const better =
          order < 0 ||
          (order === 0 &&
            (approvers[c].length !== approvers[b].length ? approvers[c].length > approvers[b].length : e.costs[c] !== e.costs[b] ? e.costs[c] < e.costs[b] : c < b));
        if (better) best = { c, rho };
      }
    }
    if (!best) return winners;
    winners.push(best.c);
    left.delete(best.c);
    for (const i of approvers[best.c]) money[i] = sub(money[i], min(money[i], best.rho));
  }
}

const spent = (e: OracleElection, w: number[]) => w.reduce((s, c) => s + e.costs[c], 0);

/**
 * MES with add1 completion: the first run with the budget split equally, then whole-yuan raises of each share
 * from its floor, kept while they do not overspend; `exhaustive` stops as soon as no unchosen project fits.
 */
export function oracleMes(e: OracleElection, exhaustive = true): { winners: number[]; share: Q } {
  const n = BigInt(e.ballots.length);
  let share = q(BigInt(e.budget), n);
  let winners = mesRun(e, share);
  let next = share.n / share.d + 1n;
  const supported = new Set(e.ballots.flat().filter((c) => e.costs[c] > 0)).size;
  const fits = (w: number[]) => e.costs.some((cost, c) => !w.includes(c) && spent(e, w) + cost <= e.budget);
  while (winners.length < supported && (!exhaustive || fits(winners))) {
    const raised = mesRun(e, q(next));
    if (spent(e, raised) > e.budget) break;
    winners = raised;
    share = q(next);
    next += 1n;
  }
  return { winners, share };
}
