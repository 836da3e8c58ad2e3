/** How a consultation decides (DOMAIN §3 step 3). */
export type DecisionRule = 'majority' | 'two_thirds' | 'consensus';

export const DECISION_RULE_LABELS: Record<DecisionRule, string> = {
  majority: '简单多数（超过投票数的一半）',
  two_thirds: '三分之二多数',
  consensus: '协商一致（无人反对）',
};

/** Under consensus there is one proposal and each participant agrees or objects. */
export const CONSENSUS_CHOICES = ['同意', '反对'] as const;

export type Outcome = 'decided' | 'no_decision' | 'no_quorum';

export interface DecisionInput {
  rule: DecisionRule;
  quorum: number;
  attendance: number;
  /** Votes per option; under consensus [agree, object]. */
  counts: number[];
}

export interface Decision {
  outcome: Outcome;
  /** Index of the option decided, or null. Under consensus 0 means the proposal passed. */
  winner: number | null;
  cast: number;
  explanation: string;
}

/**
 * Applies the decision rule. Quorum is counted on participants checked in, not on votes cast, so a
 * meeting that had quorum but where some abstained still decides.
 */
export function decide({ rule, quorum, attendance, counts }: DecisionInput): Decision {
  const cast = counts.reduce((a, b) => a + b, 0);
  if (attendance < quorum) {
    return { outcome: 'no_quorum', winner: null, cast, explanation: `未达法定人数：到会${attendance}人，需${quorum}人` };
  }
  if (cast === 0) return { outcome: 'no_decision', winner: null, cast, explanation: '无人投票，未形成决定' };
  if (rule === 'consensus') {
    const [agree = 0, object = 0] = counts;
    return object === 0 && agree > 0
      ? { outcome: 'decided', winner: 0, cast, explanation: `协商一致通过：${agree}人同意，无人反对` }
      : { outcome: 'no_decision', winner: null, cast, explanation: `未能协商一致：${object}人反对` };
  }
  const top = Math.max(...counts);
  const leaders = counts.flatMap((n, i) => (n === top ? [i] : []));
  // Integer comparisons: more than half is 2n > cast; at least two thirds is 3n >= 2·cast.
  const passes = rule === 'majority' ? 2 * top > cast : 3 * top >= 2 * cast;
  if (leaders.length === 1 && passes) {
    return { outcome: 'decided', winner: leaders[0], cast, explanation: `获得${top}票（共${cast}票），${rule === 'majority' ? '超过半数' : '达到三分之二'}` };
  }
  const need = rule === 'majority' ? '超过半数' : '三分之二';
  return { outcome: 'no_decision', winner: null, cast, explanation: `没有选项获得${need}的票数（最高${top}票，共${cast}票）` };
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  decided: '已形成决定',
  no_decision: '未形成决定',
  no_quorum: '未达法定人数',
};
