import type { Profile } from './profile';

/**
 * What most cities use: projects in order of votes, each taken if it still fits in what is left of the budget,
 * skipped otherwise. Ties: fewer yuan first, then the earlier project.
 */
export function greedy(profile: Profile): number[] {
  const order = profile.ids.map((_, c) => c).filter((c) => profile.votes[c] > 0);
  order.sort((a, b) => profile.votes[b] - profile.votes[a] || profile.cost[a] - profile.cost[b] || a - b);
  const winners: number[] = [];
  let left = profile.budget;
  for (const c of order) {
    if (profile.cost[c] <= left) {
      winners.push(c);
      left -= profile.cost[c];
    }
  }
  return winners;
}
