/**
 * The ballots of one round in the shape the tallies need. Identical ballots are folded into one group with a
 * weight: under the Method of Equal Shares two voters with the same ballot always hold the same money, so a
 * group stands for all of them and the result is unchanged. Real rounds repeat ballots a lot, which makes every
 * run cheaper.
 */
export interface Election {
  /** The money to spend, in whole yuan. */
  budget: number;
  /** In the order ties are finally broken by: earlier first. */
  projects: readonly { id: string; cost: number }[];
  /** One entry per voter, empty ballots included; each lists the project ids it approves. */
  ballots: readonly (readonly string[])[];
}

export interface Profile {
  budget: number;
  ids: readonly string[];
  cost: Float64Array;
  /** Voters, empty ballots included: everyone gets an equal share of the budget. */
  voters: number;
  /** How many voters approve each project. */
  votes: Float64Array;
  /** How many voters are in each group of identical ballots. */
  weight: Float64Array;
  /** For each project, the groups that approve it. */
  supporters: readonly Int32Array[];
  /** For each group, the projects its ballot approves. */
  ballots: readonly Int32Array[];
}

/** Indexes an election once; the tallies, and every add1 run, work on the result. */
export function profileOf(election: Election): Profile {
  const ids = election.projects.map((p) => p.id);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const groups = new Map<string, { projects: number[]; weight: number }>();
  const approved: number[] = [];
  for (const ballot of election.ballots) {
    // Ballots are short: an insertion sort into one reused array beats building sets and sorting copies.
    approved.length = 0;
    for (const id of ballot) {
      const c = indexOf.get(id);
      if (c === undefined) continue;
      let k = approved.length;
      while (k > 0 && approved[k - 1] > c) k--;
      if (approved[k - 1] !== c) approved.splice(k, 0, c);
    }
    const key = approved.join(',');
    const group = groups.get(key);
    if (group) group.weight += 1;
    else groups.set(key, { projects: approved.slice(), weight: 1 });
  }
  const list = [...groups.values()];
  const votes = new Float64Array(ids.length);
  const members: number[][] = ids.map(() => []);
  list.forEach((group, g) => {
    for (const c of group.projects) {
      votes[c] += group.weight;
      members[c].push(g);
    }
  });
  return {
    budget: election.budget,
    ids,
    cost: Float64Array.from(election.projects, (p) => p.cost),
    voters: election.ballots.length,
    votes,
    weight: Float64Array.from(list, (g) => g.weight),
    supporters: members.map((m) => Int32Array.from(m)),
    ballots: list.map((g) => Int32Array.from(g.projects)),
  };
}

export function totalCost(profile: Profile, winners: readonly number[]): number {
  let sum = 0;
  for (const c of winners) sum += profile.cost[c];
  return sum;
}

/** The share of voters with at least one winning project on their ballot. */
export function satisfiedShare(profile: Profile, winners: readonly number[]): number {
  if (profile.voters === 0) return 0;
  const won = new Uint8Array(profile.ids.length);
  for (const c of winners) won[c] = 1;
  let satisfied = 0;
  profile.ballots.forEach((ballot, g) => {
    if (ballot.some((c) => won[c] === 1)) satisfied += profile.weight[g];
  });
  return satisfied / profile.voters;
}
