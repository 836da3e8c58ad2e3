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

export interface MesOptions {
  /** add1 (the default) raises the shares; none stops after the first run. */
  completion?: 'add1' | 'none';
  /**
   * equalshares.net's reference stops raising once no unchosen project fits in what is left (true, the
   * default). Wieliczka 2023 kept raising while the outcome fitted the budget (false).
   */
  stopWhenExhaustive?: boolean;
  /** Spend what is still left greedily by votes (equalshares.net's optional utilitarian completion). */
  utilitarian?: boolean;
  /** Run every whole-yuan share instead of skipping those that cannot change the outcome; for tests. */
  everyShare?: boolean;
}

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

export function equalShares(profile: Profile, options: MesOptions = {}): MesOutcome {
  const { completion = 'add1', stopWhenExhaustive = true, utilitarian = false, everyShare = false } = options;
  if (profile.voters === 0) return { winners: [], steps: [], share: 0, runs: 0 };
  const work = new Workspace(profile);
  let share = profile.budget / profile.voters;
  let { steps } = work.run(share, false);
  let runs = 1;
  if (completion === 'add1') {
    // Raised shares are whole yuan: the fractional start is rounded down first, as equalshares.net does.
    let next = Math.floor(share) + 1;
    while (!(stopWhenExhaustive ? work.exhaustive(steps) : work.complete(steps))) {
      const run = work.run(next, !everyShare);
      runs += 1;
      if (totalCost(profile, run.steps.map((s) => s.project)) > profile.budget) {
        // Skipped shares gave the accepted winners, so the last of them is where the loop would have stopped;
        // the winners are the same, but each supporter's payment depends on the share, and the app shows it.
        if (next - 1 > share) {
          share = next - 1;
          steps = work.run(share, false).steps;
          runs += 1;
        }
        break;
      }
      steps = run.steps;
      share = next;
      // Every whole share before the run's next possible change gives these same winners, and the loop would
      // accept each in turn: go straight past them.
      next = Math.max(next + 1, Math.ceil(run.changesAt - 1e-7 * Math.max(1, Math.abs(run.changesAt))));
      // No comparison would ever change sign: no higher share gives another outcome.
      if (!Number.isFinite(next)) break;
    }
  }
  const winners = steps.map((s) => s.project);
  if (utilitarian) winners.push(...utilitarianFill(profile, winners));
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
 * Buffers made once and reused by every run: add1 can need many runs on a large round.
 *
 * A run can also say how far the share may rise before its outcome could change. With the structure of a run
 * fixed (who is short of money on each purchase, which project wins each round), every voter's money and
 * every payment is an affine function of the share, a + b·share; so is every comparison the run made. The
 * outcome holds until the first of those comparisons changes sign, and add1 skips the whole shares before it.
 */
class Workspace {
  private readonly money: Float64Array;
  /** The voter's money as a + b·share, while tracking. */
  private readonly moneyA: Float64Array;
  private readonly moneyB: Float64Array;
  private readonly bound: Float64Array;
  /** The bound's price per vote (payment / cost) as a + b·share, while tracking. */
  private readonly boundA: Float64Array;
  private readonly boundB: Float64Array;
  private readonly candidates: number[];
  private share = 0;
  private changesAt = Infinity;

  constructor(private readonly profile: Profile) {
    const groups = profile.weight.length;
    const projects = profile.ids.length;
    this.money = new Float64Array(groups);
    this.moneyA = new Float64Array(groups);
    this.moneyB = new Float64Array(groups);
    this.bound = new Float64Array(projects);
    this.boundA = new Float64Array(projects);
    this.boundB = new Float64Array(projects);
    this.candidates = profile.ids.map((_, c) => c).filter((c) => profile.cost[c] > 0 && profile.votes[c] > 0);
  }

  /** True when no unchosen project fits in what the winners leave of the budget, or nothing is left to choose. */
  exhaustive(steps: readonly MesStep[]): boolean {
    if (this.complete(steps)) return true;
    const chosen = new Uint8Array(this.profile.ids.length);
    for (const s of steps) chosen[s.project] = 1;
    const left = this.profile.budget - totalCost(this.profile, steps.map((s) => s.project));
    for (let c = 0; c < chosen.length; c++) if (!chosen[c] && this.profile.cost[c] <= left) return false;
    return true;
  }

  /** Every project someone voted for is chosen: raising the shares cannot change anything. */
  complete(steps: readonly MesStep[]): boolean {
    return steps.length >= this.candidates.length;
  }

  /** One run with a fixed share per voter; with `track`, also the share at which its outcome could change. */
  run(share: number, track: boolean): { steps: MesStep[]; changesAt: number } {
    const { profile, money, bound } = this;
    this.share = share;
    this.changesAt = Infinity;
    money.fill(share);
    if (track) {
      this.moneyA.fill(0);
      this.moneyB.fill(1);
    }
    // Effective votes only fall as money is spent, so the last figure is an upper bound: candidates are looked
    // at best bound first, and the look stops once no bound can beat the best found.
    for (const c of this.candidates) {
      bound[c] = profile.votes[c];
      this.boundA[c] = 1 / profile.votes[c];
      this.boundB[c] = 0;
    }
    let live = this.candidates.slice();
    const steps: MesStep[] = [];
    const looked: number[] = [];
    for (;;) {
      live.sort((a, b) => bound[b] - bound[a]);
      let best: MesStep | null = null;
      let unaffordable = false;
      looked.length = 0;
      for (const c of live) {
        if (best && bound[c] < best.effectiveVotes * (1 - TIE)) break;
        looked.push(c);
        const payment = this.payment(c, track);
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
      // Untracked, the outcome may change at the very next share.
      if (!best) return { steps, changesAt: track ? this.changesAt : share };
      const winner = best.project;
      if (track) this.watchWinner(winner, live);
      best.exhausted = this.charge(winner, best.payment, track);
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
  private payment(c: number, track: boolean): number | null {
    const { money } = this;
    const { weight, supporters, cost } = this.profile;
    const groups = supporters[c];
    const price = cost[c];
    let held = 0;
    for (let k = 0; k < groups.length; k++) held += weight[groups[k]] * money[groups[k]];
    if (held < price * (1 - TIE)) {
      if (track) this.watchHeld(c);
      return null;
    }
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
      if (able === payers) {
        if (track) this.watchPayment(c, payment);
        return payment;
      }
      // Everyone short: the money held covers the price only within the tolerance, so all pay all they have.
      if (able === 0) {
        if (track) this.changesAt = Math.min(this.changesAt, this.share);
        return most;
      }
      payers = able;
      payment = (price - short) / able;
    }
  }

  /** Notes when the comparison `a + b·share` (on the side it is now) would change sign as the share rises. */
  private watch(a: number, b: number): void {
    if (b === 0) return;
    const root = -a / b;
    if (root >= this.share * (1 - TIE) && root < this.changesAt) this.changesAt = Math.max(root, this.share);
  }

  /** The supporters of `c` hold less than its cost: until when. */
  private watchHeld(c: number): void {
    let a = -this.profile.cost[c];
    let b = 0;
    for (const g of this.profile.supporters[c]) {
      a += this.profile.weight[g] * this.moneyA[g];
      b += this.profile.weight[g] * this.moneyB[g];
    }
    this.watch(a, b);
  }

  /** `c`'s payment as a + b·share, kept as its bound; and until when each supporter stays short or able. */
  private watchPayment(c: number, payment: number): void {
    const { moneyA, moneyB, money } = this;
    const { weight, supporters, cost } = this.profile;
    let shortA = 0;
    let shortB = 0;
    let able = 0;
    for (const g of supporters[c]) {
      if (money[g] < payment) {
        shortA += weight[g] * moneyA[g];
        shortB += weight[g] * moneyB[g];
      } else able += weight[g];
    }
    const payA = (cost[c] - shortA) / able;
    const payB = -shortB / able;
    for (const g of supporters[c]) {
      if (money[g] < payment) this.watch(payA - moneyA[g], payB - moneyB[g]);
      else this.watch(moneyA[g] - payA, moneyB[g] - payB);
    }
    this.boundA[c] = payA / cost[c];
    this.boundB[c] = payB / cost[c];
  }

  /** Every other live project lost to the winner, on its latest price per vote: until when. */
  private watchWinner(winner: number, live: readonly number[]): void {
    const { boundA, boundB, bound } = this;
    for (const c of live) {
      if (c === winner || bound[c] < 0) continue;
      this.watch(boundA[c] - boundA[winner], boundB[c] - boundB[winner]);
    }
  }

  /** Takes the payment from each supporter; returns how many paid all they had left. */
  private charge(c: number, payment: number, track: boolean): number {
    const { money, moneyA, moneyB } = this;
    const { weight, supporters, cost } = this.profile;
    const payA = this.boundA[c] * cost[c];
    const payB = this.boundB[c] * cost[c];
    let exhausted = 0;
    for (const g of supporters[c]) {
      if (money[g] >= payment) {
        money[g] -= payment;
        if (track) {
          moneyA[g] -= payA;
          moneyB[g] -= payB;
        }
      } else {
        exhausted += weight[g];
        money[g] = 0;
        if (track) {
          moneyA[g] = 0;
          moneyB[g] = 0;
        }
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
