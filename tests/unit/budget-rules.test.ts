/**
 * The 创享计划 module's rules: phases, what a ballot may hold, who a voter unit is, what a proposal may go through,
 * and the results with their plain-words explanations.
 */
import { ballotProblem, ballotRuleText, chosenCost, newReceipt, normalizeReceipt, RECEIPT_PATTERN, yuan } from '@shared/budget/ballot';
import { statusAfter } from '@shared/budget/implementation';
import { countableAt, datesProblems, nextPhase, phaseProblem, PHASE_KEYS } from '@shared/budget/phases';
import { costProblem, editProblem, projectCost, reviewProblem } from '@shared/budget/proposals';
import { countRound, greedyDifference, mesWinnerStory, money, percent, shareStory } from '@shared/budget/results';
import { householdProblem, paperVoterKey, voterUnitKey } from '@shared/budget/voter-unit';

describe('phases', () => {
  test('征集 → 审核 → 投票 → 公示 → 实施 → 完成, and nothing after', () => {
    expect(PHASE_KEYS).toEqual(['collect', 'review', 'voting', 'results', 'implementation', 'done']);
    expect(nextPhase('voting')).toBe('results');
    expect(nextPhase('done')).toBeNull();
  });

  test('an action out of its phase is refused naming both phases', () => {
    expect(phaseProblem('voting', 'collect')).toBe('该操作只能在「征集」阶段进行，本轮当前在「投票」阶段');
    expect(phaseProblem('collect', 'collect', 'review')).toBeNull();
  });

  test('voting opens after collection closes and ends after it opens; the count waits a minute after the close', () => {
    expect(datesProblems({ collectTo: 10, voteFrom: 5, voteTo: 20 })).toEqual({ voteFrom: '投票开始时间须晚于征集截止时间' });
    expect(datesProblems({ collectTo: 10, voteFrom: 20, voteTo: 20 })).toEqual({ voteTo: '投票截止时间须晚于开始时间' });
    expect(datesProblems({ collectTo: 10, voteFrom: 10, voteTo: 11 })).toEqual({});
    expect(countableAt(1_000)).toBe(61_000);
  });
});

describe('ballots', () => {
  const projects = [
    { id: 'a', cost: 30_000 },
    { id: 'b', cost: 50_000 },
    { id: 'c', cost: 40_000 },
  ];
  const approval = { kind: 'approval', maxChoices: 2, minChoices: 1 } as const;

  test('approval: at most K, at least M, each project once, only projects on the ballot', () => {
    expect(ballotProblem(approval, 100_000, projects, ['a', 'b'])).toBeNull();
    expect(ballotProblem(approval, 100_000, projects, ['a', 'b', 'c'])).toBe('最多只能选2个项目，您选了3个');
    expect(ballotProblem({ kind: 'approval', maxChoices: 3, minChoices: 2 }, 100_000, projects, ['a'])).toBe('至少要选2个项目，您选了1个');
    expect(ballotProblem(approval, 100_000, projects, ['a', 'a'])).toBe('同一个项目只能选一次');
    expect(ballotProblem(approval, 100_000, projects, ['z'])).toBe('所选项目不在本轮投票名单中，请刷新后重选');
    expect(ballotProblem(approval, 100_000, projects, [])).toBe('请至少选择1个项目');
  });

  test('knapsack: any number of projects whose costs add up to no more than the budget', () => {
    expect(ballotProblem({ kind: 'knapsack' }, 100_000, projects, ['a', 'b'])).toBeNull();
    expect(chosenCost(projects, ['a', 'b', 'c'])).toBe(120_000);
    expect(ballotProblem({ kind: 'knapsack' }, 100_000, projects, ['a', 'b', 'c'])).toBe('所选项目合计¥120,000，超过了本轮预算¥100,000，请减少一些');
  });

  test('the rule reads in one line', () => {
    expect(ballotRuleText({ kind: 'approval', maxChoices: 5, minChoices: 1 }, 1)).toBe('最多选5个项目');
    expect(ballotRuleText({ kind: 'approval', maxChoices: 5, minChoices: 3 }, 1)).toBe('至少选3个，最多选5个项目');
    expect(ballotRuleText({ kind: 'knapsack' }, 200_000)).toBe('所选项目合计不超过预算¥200,000，项目数不限');
    expect(yuan(1234567)).toBe('¥1,234,567');
  });

  test('receipts are eight unambiguous characters, and typed ones are read forgivingly', () => {
    let i = 0;
    const steps = [0, 0.5, 0.99, 0.1, 0.2, 0.3, 0.4, 0.6];
    const receipt = newReceipt(() => steps[i++]);
    expect(receipt).toMatch(RECEIPT_PATTERN);
    expect(receipt[0]).toBe('2');
    expect(receipt).not.toMatch(/[01ILO]/);
    expect(normalizeReceipt('ab2c-d3ef ')).toBe('AB2CD3EF');
  });
});

describe('voter units', () => {
  test('one per resident: the resident', () => {
    expect(voterUnitKey('resident', { userId: 'u1', building: '3号楼', unit: '2单元' })).toBe('r-u1');
  });

  test('one per household: the same building and unit however typed, a different unit another household', () => {
    const a = voterUnitKey('household', { userId: 'u1', building: '3号楼', unit: '2单元 301' });
    const b = voterUnitKey('household', { userId: 'u2', building: '3号楼 ', unit: '2单元301' });
    const c = voterUnitKey('household', { userId: 'u3', building: '３号楼', unit: '2单元301' });
    const d = voterUnitKey('household', { userId: 'u4', building: '3号楼', unit: '2单元302' });
    // The unit and room typed apart, as the residency form now asks, are the same flat.
    expect(voterUnitKey('household', { userId: 'u5', building: '3栋', unit: '2单元', room: '301' })).toBe(a);
    expect(a).toMatch(/^h-[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).not.toBe(a);
  });

  test('a paper voter without an account is known by address and name', () => {
    expect(paperVoterKey({ building: '1号楼', unit: '101', name: '王奶奶' })).toBe(paperVoterKey({ building: '1号楼', unit: ' 101', name: '王奶奶' }));
    expect(paperVoterKey({ building: '1号楼', unit: '101', name: '王奶奶' })).not.toBe(paperVoterKey({ building: '1号楼', unit: '101', name: '李爷爷' }));
  });

  test('a household round needs the address recorded', () => {
    expect(householdProblem({ building: ' ', unit: '1' })).toMatch(/一户一票需要登记楼栋和单元/);
    expect(householdProblem({ building: '1', unit: '1' })).toBeNull();
  });
});

describe('proposals', () => {
  test('the cost the round funds is the adjusted one once set', () => {
    expect(projectCost({ cost: 5000, adjustedCost: null })).toBe(5000);
    expect(projectCost({ cost: 5000, adjustedCost: 4200 })).toBe(4200);
  });

  test('a cost above the per-project cap or the budget cannot stand', () => {
    expect(costProblem(60_000, { budget: 100_000, projectCap: 50_000 })).toBe('单个项目不能超过¥50,000');
    expect(costProblem(50_000, { budget: 100_000, projectCap: 50_000 })).toBeNull();
  });

  test('the proposer edits only in 征集 and before review', () => {
    expect(editProblem('collect', 'submitted')).toBeNull();
    expect(editProblem('review', 'submitted')).toBe('征集已结束，提案不能再修改');
    expect(editProblem('collect', 'eligible')).toBe('提案已审核，不能再修改');
  });

  test('review happens before voting; a proposal short of the required 附议 can only be found ineligible', () => {
    const round = { phase: 'review' as const, supportThreshold: 5 };
    expect(reviewProblem('eligible', { status: 'submitted', supportCount: 4 }, round)).toBe('该提案只有4人附议，本轮要求至少5人附议才能通过审核');
    expect(reviewProblem('ineligible', { status: 'submitted', supportCount: 4 }, round)).toBeNull();
    expect(reviewProblem('eligible', { status: 'submitted', supportCount: 5 }, round)).toBeNull();
    expect(reviewProblem('eligible', { status: 'submitted', supportCount: 9 }, { phase: 'voting', supportThreshold: 0 })).toBe('投票开始后不能再审核提案');
    expect(reviewProblem('eligible', { status: 'merged', supportCount: 9 }, round)).toBe('该提案已合并到其他提案');
  });
});

describe('results and their explanation', () => {
  // Budget ¥100 and ten voters, so ¥10 each. Six want the big A (¥80); four want both B and C (¥20 each).
  const projects = [
    { id: 'A', title: '健身角', cost: 80 },
    { id: 'B', title: '长椅', cost: 20 },
    { id: 'C', title: '路灯', cost: 20 },
  ];
  const ballots = [...Array(6).fill(['A']), ...Array(4).fill(['B', 'C'])] as string[][];
  const results = countRound({ budget: 100, rule: 'mes', projects, ballots, paperBallots: 1, closedAt: 1, countedAt: 2 });

  test('votes per project, and greedy by votes: A (6), then B (4) fits, C no longer does', () => {
    expect(results.projects.map((p) => p.votes)).toEqual([6, 4, 4]);
    expect(results.greedy).toEqual({ winners: ['A', 'B'], spent: 100, satisfied: 1 });
  });

  test("MES: the six hold ¥60, never enough for A; the four's ¥40 pays B and C, ¥5 each from each of them; A no longer fits", () => {
    expect(results.mes.winners).toEqual(['B', 'C']);
    expect(results.mes.spent).toBe(40);
    expect(results.mes.satisfied).toBe(0.4);
    expect(results.mes.share).toBe(10);
    expect(results.mes.purchases).toEqual([
      { project: 'B', payment: 5, effectiveVotes: 4, supporters: 4, exhausted: 0 },
      { project: 'C', payment: 5, effectiveVotes: 4, supporters: 4, exhausted: 0 },
    ]);
    expect(results.winners).toEqual(['B', 'C']);
    expect(countRound({ budget: 100, rule: 'greedy', projects, ballots, paperBallots: 0, closedAt: 1, countedAt: 2 }).winners).toEqual(['A', 'B']);
  });

  test('each MES winner is told as whose shares paid for it', () => {
    expect(mesWinnerStory(results, results.mes.purchases[0])).toBe('「长椅」需要¥20，由投它的4位投票人一起出钱：每人出¥5。');
  });

  test('how greedy differs, project by project', () => {
    const lines = greedyDifference(results);
    expect(lines).toHaveLength(2);
    // The six hold ¥60 between them, less than A's ¥80.
    expect(lines[0]).toBe('「健身角」按得票多少会入选；按等额分配法没有入选：投它的6人每人一份，合起来只有¥60，不够它的¥80：按等额分配法，一群人最多只能花他们那几份的钱。');
    expect(lines[1]).toMatch(/^「路灯」按得票多少不会入选/);
  });

  test('"where your share went": the B-and-C voter paid ¥5 to each; the A voter still holds all ¥10', () => {
    expect(shareStory(results, ['B', 'C'])).toEqual({
      share: 10,
      paid: [
        { project: 'B', title: '长椅', amount: 5 },
        { project: 'C', title: '路灯', amount: 5 },
      ],
      left: 0,
    });
    expect(shareStory(results, ['A'])).toEqual({ share: 10, paid: [], left: 10 });
  });

  test('a supporter whose share runs out is told they gave what they had left', () => {
    // ¥40 and four voters (¥10 each). The first three buy 花坛 (¥18, ¥6 each); then 信箱 (¥12) is wanted by the
    // first (¥4 left) and the fourth (¥10): the first gives ¥4, the fourth ¥8.
    const r = countRound({
      budget: 40,
      rule: 'mes',
      projects: [
        { id: 'X', title: '花坛', cost: 18 },
        { id: 'Y', title: '信箱', cost: 12 },
      ],
      ballots: [['X', 'Y'], ['X'], ['X'], ['Y']],
      paperBallots: 0,
      closedAt: 0,
      countedAt: 0,
    });
    expect(r.mes.winners).toEqual(['X', 'Y']);
    expect(r.mes.purchases[1]).toEqual({ project: 'Y', payment: 8, effectiveVotes: 1.5, supporters: 2, exhausted: 1 });
    expect(mesWinnerStory(r, r.mes.purchases[1])).toBe('「信箱」需要¥12，由投它的2位投票人一起出钱：1位每人出¥8，另有1位手里剩下的份额不到这个数，就把剩下的全部拿了出来。');
    expect(shareStory(r, ['X', 'Y']).paid.map((p) => p.amount)).toEqual([6, 4]);
  });

  test('money and shares read as people write them', () => {
    expect(money(6.666666)).toBe('¥6.67');
    expect(money(5)).toBe('¥5');
    expect(percent(0.833)).toBe('83%');
    expect(money(1384.876)).toBe('¥1,384.88');
  });
});

describe('implementation', () => {
  test('a project is under way once anything moved, done at 100%', () => {
    expect(statusAfter(0, 0)).toBe('planned');
    expect(statusAfter(0, 500)).toBe('in_progress');
    expect(statusAfter(40, 500)).toBe('in_progress');
    expect(statusAfter(100, 500)).toBe('done');
  });
});
