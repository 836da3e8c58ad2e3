import { type Profile, totalCost } from './profile';

/**
 * The Method of Equal Shares for approval ballots with cost utilities, as equalshares.net defines it:
 * - every voter, empty ballots included, starts with an equal share of the budget;
 * - a project can be bought when its supporters together still hold its cost; they split it equally, and a
 *   supporter with less than the equal part pays all they have left while the others cover the rest;
 * - the next winner is the project with the most effective votes: its cost divided by the most any one
 *   supporter has to pay (equal to its votes while every supporter can pay an equal part);
 * - ties: more approvals, then fewer yuan, then the earlier project;
 * - add1 completion: while some unchosen project would still fit in the budget, run again with each voter's
 *   share raised by one whole yuan, and keep that outcome unless it overspends.
 */

export type Completion = 'none' | 'add1' | 'add1+utilitarian';

/** One purchase: how the supporters of `project` paid for it. */
export interface MesStep {
  project: number;
  /** The most any one supporter paid (the others paid all they had left). */
  payment: number;
  effectiveVotes: number;
  /** Supporters whose share ran out on this purchase, paying less than `payment`. */
  exhausted: number;
}

export interface MesOutcome {
  winners: number[];
  /** The purchases of the run that decided, in order; the utilitarian completion's extras are not among them. */
  steps: MesStep[];
  /** Each voter's share in that run, in yuan: the budget over the voters, or raised by add1. */
  share: number;
  /** How many MES runs it took, add1 included. */
  runs: number;
}

/** Effective votes closer than this, relatively, are a tie: float sums in another order must not decide. */
const TIE = 1e-9;

export function equalShares(profile: Profile, completion: Completion = 'add1'): MesOutcome {
  const work = new Workspace(profile);
  if (profile.voters === 0) return { winners: [], steps: [], share: 0, runs: 0 };
  let share = profile.budget / profile.voters;
  let steps = work.run(share);
  let runs = 1;
  if (completion !== 'none') {
    // Raised shares are whole yuan: the fractional start is rounded down first, as equalshares.net does.
    let raised = Math.floor(share);
    while (!work.exhaustive(steps)) {
      raised += 1;
      const next = work.run(raised);
      runs += 1;
      if (totalCost(profile, next.map((s) => s.project)) > profile.budget) break;
      steps = next;
      share = raised;
    }
  }
  const winners = steps.map((s) => s.project);
  if (completion === 'add1+utilitarian') winners.push(...utilitarianFill(profile, winners));
  return { winners, steps, share, runs };
}

/** What is left of the budget, spent greedily by votes on the projects that still fit. */
function utilitarianFill(profile: Profile, chosen: readonly number[]): number[] {
  const taken = new Set(chosen);
  let left = profile.budget - totalCost(profile, chosen);
  const order = profile.ids.map((_, c) => c).filter((c) => !taken.has(c) && profile.votes[c] > 0);
  order.sort((a, b) => profile.votes[b] - profile.votes[a] || profile.cost[a] - profile.cost[b] || a - b);
  const extra: number[] = [];
  for (const c of order) {
    if (profile.cost[c] <= left) {
      extra.push(c);
      left -= profile.cost[c];
    }
  }
  return extra;
}

/**
 * Buffers made once and reused by every run: add1 can need hundreds of runs on a large round, and each run
 * touches only the supporters of the projects it looks at.
 */
class Workspace {
  private readonly money: Float64Array;
  private readonly bound: Float64Array;
  private readonly candidates: number[];
  private readonly supported: number;

  constructor(private readonly profile: Profile) {
    this.money = new Float64Array(profile.weight.length);
    this.bound = new Float64Array(profile.ids.length);
    this.candidates = profile.ids.map((_, c) => c).filter((c) => profile.cost[c] > 0 && profile.votes[c] > 0);
    this.supported = this.candidates.length;
  }

  /** True when no unchosen project fits in what the winners leave of the budget, or nothing is left to choose. */
  exhaustive(steps: readonly MesStep[]): boolean {
    if (steps.length >= this.supported) return true;
    const chosen = new Uint8Array(this.profile.ids.length);
    for (const s of steps) chosen[s.project] = 1;
    const left = this.profile.budget - totalCost(this.profile, steps.map((s) => s.project));
    for (let c = 0; c < chosen.length; c++) if (!chosen[c] && this.profile.cost[c] <= left) return false;
    return true;
  }

  /** One run with a fixed share per voter. */
  run(share: number): MesStep[] {
    const { profile, money, bound } = this;
    money.fill(share);
    // Effective votes only fall as money is spent, so the last figure is an upper bound: candidates are looked
    // at best bound first, and the look stops once no bound can beat the best found.
    for (const c of this.candidates) bound[c] = profile.votes[c];
    let live = this.candidates.slice();
    const steps: MesStep[] = [];
    for (;;) {
      live.sort((a, b) => bound[b] - bound[a]);
      let best: MesStep | null = null;
      let unaffordable = false;
      for (const c of live) {
        if (best && bound[c] < best.effectiveVotes * (1 - TIE)) break;
        const payment = this.payment(c);
        if (payment === null) {
          bound[c] = -1;
          unaffordable = true;
          continue;
        }
        const effectiveVotes = profile.cost[c] / payment;
        bound[c] = effectiveVotes;
        if (!best || this.beats(c, effectiveVotes, best)) best = { project: c, payment, effectiveVotes, exhausted: 0 };
      }
      if (unaffordable) live = live.filter((c) => bound[c] >= 0);
      if (!best) return steps;
      const winner = best.project;
      best.exhausted = this.charge(winner, best.payment);
      steps.push(best);
      live = live.filter((c) => c !== winner);
    }
  }

  private beats(c: number, effectiveVotes: number, best: MesStep): boolean {
    const { votes, cost } = this.profile;
    if (effectiveVotes > best.effectiveVotes * (1 + TIE)) return true;
    if (effectiveVotes < best.effectiveVotes * (1 - TIE)) return false;
    const b = best.project;
    return votes[c] !== votes[b] ? votes[c] > votes[b] : cost[c] !== cost[b] ? cost[c] < cost[b] : c < b;
  }

  /**
   * The most one supporter pays when `c`'s supporters split its cost equally and those with less pay all they
   * have; null when together they cannot cover it. Found by raising the equal part until the set of supporters
   * who cannot meet it stops growing, which needs no sort.
   */
  private payment(c: number): number | null {
    const { money } = this;
    const { weight, supporters, cost } = this.profile;
    const groups = supporters[c];
    const price = cost[c];
    let held = 0;
    for (let k = 0; k < groups.length; k++) held += weight[groups[k]] * money[groups[k]];
    if (held < price * (1 - TIE)) return null;
    let payers = this.profile.votes[c];
    let payment = price / payers;
    for (;;) {
      let short = 0;
      let able = 0;
      let most = 0;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k];
        if (money[g] < payment) short += weight[g] * money[g];
        else able += weight[g];
        if (money[g] > most) most = money[g];
      }
      if (able === payers) return payment;
      // Everyone short: the money held covers the price only within the tolerance, so all pay all they have.
      if (able === 0) return most;
      payers = able;
      payment = (price - short) / able;
    }
  }

  /** Takes the payment from each supporter; returns how many paid all they had left. */
  private charge(c: number, payment: number): number {
    const { money } = this;
    const { weight, supporters } = this.profile;
    let exhausted = 0;
    for (const g of supporters[c]) {
      if (money[g] > payment) money[g] -= payment;
      else {
        if (money[g] < payment) exhausted += weight[g];
        money[g] = 0;
      }
    }
    return exhausted;
  }
}

/** Where one voter's share went: what they paid towards each winner they approved, in buying order. */
export function shareFlow(ballot: readonly number[], outcome: Pick<MesOutcome, 'steps' | 'share'>): { paid: { project: number; amount: number }[]; left: number } {
  const approves = new Set(ballot);
  let left = outcome.share;
  const paid: { project: number; amount: number }[] = [];
  for (const step of outcome.steps) {
    if (!approves.has(step.project)) continue;
    const amount = Math.min(left, step.payment);
    paid.push({ project: step.project, amount });
    left -= amount;
  }
  return { paid, left };
}
