/**
 * What a ballot may hold, per round (DOMAIN §4): approval with at most K projects (and optionally at least M), or
 * knapsack, where the chosen projects together cost no more than the budget. The same checks run on the ballot page
 * (the running bar and the count) and in the cloud function (the refusal).
 */
export type BallotRule = { kind: 'approval'; maxChoices: number; minChoices: number } | { kind: 'knapsack' };

export const BALLOT_RULE_LABELS = { approval: '限选项数', knapsack: '总价不超预算' } as const;

/** equalshares.net found that ballots with at least three approvals make the Method of Equal Shares work well. */
export const ADVISED_CHOICES = 3;

export interface BallotProject {
  id: string;
  cost: number;
}

/** Why this choice cannot be submitted, in words for the voter; null when it can. */
export function ballotProblem(rule: BallotRule, budget: number, projects: readonly BallotProject[], chosen: readonly string[]): string | null {
  if (chosen.length === 0) return '请至少选择1个项目';
  if (new Set(chosen).size !== chosen.length) return '同一个项目只能选一次';
  const byId = new Map(projects.map((p) => [p.id, p]));
  if (chosen.some((id) => !byId.has(id))) return '所选项目不在本轮投票名单中，请刷新后重选';
  if (rule.kind === 'approval') {
    if (chosen.length > rule.maxChoices) return `最多只能选${rule.maxChoices}个项目，您选了${chosen.length}个`;
    if (chosen.length < rule.minChoices) return `至少要选${rule.minChoices}个项目，您选了${chosen.length}个`;
    return null;
  }
  const total = chosenCost(projects, chosen);
  if (total > budget) return `所选项目合计${yuan(total)}，超过了本轮预算${yuan(budget)}，请减少一些`;
  return null;
}

export function chosenCost(projects: readonly BallotProject[], chosen: readonly string[]): number {
  const set = new Set(chosen);
  return projects.reduce((sum, p) => (set.has(p.id) ? sum + p.cost : sum), 0);
}

/** The rule in one line, for the ballot page and the round's page. */
export function ballotRuleText(rule: BallotRule, budget: number): string {
  if (rule.kind === 'knapsack') return `所选项目合计不超过预算${yuan(budget)}，项目数不限`;
  const min = rule.minChoices > 1 ? `至少选${rule.minChoices}个，` : '';
  return `${min}最多选${rule.maxChoices}个项目`;
}

/** Whole yuan as people write it: ¥12,000. */
export function yuan(amount: number): string {
  return `¥${Math.round(amount).toLocaleString('en-US')}`;
}

/**
 * A receipt: eight characters from an alphabet with no look-alikes (no 0/O, 1/I/L). The app makes it when the voter
 * submits, keeps it on the phone and sends it with the ballot, so a retry after a lost answer keeps the same one;
 * the server stores it on the ballot only. After the close the voter finds their ballot by it among the published
 * anonymous ballots, and since nothing stored links it to them, nobody else can.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 8;
export const RECEIPT_PATTERN = new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`);

/** A new receipt from `random` (a number in [0, 1), or crypto-backed in the function). */
export function newReceipt(random: () => number = Math.random): string {
  let code = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[Math.floor(random() * RECEIPT_ALPHABET.length)];
  return code;
}

/** What a person typed, made comparable: upper case, without spaces or dashes. */
export function normalizeReceipt(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
