/**
 * A 创享计划 round's phases (DOMAIN §4): proposals are collected, reviewed for feasibility, voted on, the results
 * published, the winners carried out, and the round finished.
 */
export const PHASES = [
  { key: 'collect', name: '征集' },
  { key: 'review', name: '审核' },
  { key: 'voting', name: '投票' },
  { key: 'results', name: '公示' },
  { key: 'implementation', name: '实施' },
  { key: 'done', name: '完成' },
] as const;

export type Phase = (typeof PHASES)[number]['key'];

export const PHASE_KEYS = PHASES.map((p) => p.key) as [Phase, ...Phase[]];

export function phaseName(phase: Phase): string {
  return PHASES.find((p) => p.key === phase)?.name ?? phase;
}

/** The phase after `phase`, or null at the end. */
export function nextPhase(phase: Phase): Phase | null {
  const i = PHASE_KEYS.indexOf(phase);
  return i >= 0 && i < PHASE_KEYS.length - 1 ? PHASE_KEYS[i + 1] : null;
}

/** Why an action that belongs to `phases` cannot be taken now; null when it can. */
export function phaseProblem(current: Phase, ...phases: Phase[]): string | null {
  if (phases.includes(current)) return null;
  return `该操作只能在「${phases.map(phaseName).join('」或「')}」阶段进行，本轮当前在「${phaseName(current)}」阶段`;
}

/**
 * How long after voting closes the count waits. A ballot is accepted by a request that read the round while voting
 * was open; its transaction commits within the function's time limit (10 s) or never. Ballots never write the round
 * (each writes only its own documents, so a thousand voters never contend), so a close cannot conflict with a
 * ballot in flight; counting once this window has passed counts every ballot that was accepted. The margin over
 * 10 s covers clock drift between instances, as the audit sealer's window does.
 */
export const COUNT_SETTLE_MS = 60_000;

/** When the results of a round closed at `closedAt` may be counted. */
export function countableAt(closedAt: number): number {
  return closedAt + COUNT_SETTLE_MS;
}

/** The dates a round is planned with: the cron opens voting at `voteFrom` and closes it at `voteTo`. */
export interface RoundDates {
  collectTo: number;
  voteFrom: number;
  voteTo: number;
}

/** Why the dates cannot stand, keyed by field; empty when they can. */
export function datesProblems(d: RoundDates): Record<string, string> {
  const fields: Record<string, string> = {};
  if (d.voteFrom < d.collectTo) fields.voteFrom = '投票开始时间须晚于征集截止时间';
  if (d.voteTo <= d.voteFrom) fields.voteTo = '投票截止时间须晚于开始时间';
  return fields;
}
