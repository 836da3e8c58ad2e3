import type { RoundView } from '@shared/contract';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { residents, roundInVoting, roundPlan } from '../support/budget';

/**
 * The ballot's invariants under many simultaneous requests, on SQLite (one transaction at a time) and on the memory
 * store, which has CloudBase's snapshot isolation: there the requests really interleave, and only the has-voted
 * marker, written in the ballot's own transaction, keeps a voter unit to one ballot.
 */
describe.each(['sqlite', 'memory'] as const)('创享计划 ballots on the %s store', (kind) => {
  let cloud: TestCloud;
  let staff: Client;
  let otherStaff: Client;
  let proposer: Client;
  let crowd: Client[];

  beforeAll(async () => {
    cloud = await startCloud({ store: kind, rateLimitPerMinute: 100_000 });
    staff = await cloud.login('demo-staff');
    otherStaff = await cloud.login('demo-staff-heping');
    proposer = await cloud.login('demo-resident-1');
    crowd = await residents(cloud, 1000, `crowd-${kind}`);
  }, 120_000);
  afterAll(() => cloud.close());

  const ballots = (roundId: string) => cloud.store.count('budgetBallots', { roundId });
  const markers = (roundId: string) => cloud.store.count('budgetVoters', { roundId });

  test('1,000 residents voting at once: exactly 1,000 ballots and 1,000 has-voted markers, and the turnout says so', async () => {
    const round = await roundInVoting(staff, proposer);
    const [a, b, c] = round.ballotProjects.map((p) => p.id);
    const answers = await Promise.all(crowd.map((r, i) => r.call('budget', 'castBallot', { id: round.id, projects: i % 2 ? [a, b] : [c] })));
    expect(answers.filter((x) => !x.ok)).toEqual([]);
    expect(await ballots(round.id)).toBe(1000);
    expect(await markers(round.id)).toBe(1000);
    expect((await staff.ok('budget', 'getRound', { id: round.id })).turnout).toBe(1000);
    // Receipts are all different: each finds its own ballot after the count.
    expect(new Set(answers.map((x) => x.ok && x.data.receipt)).size).toBe(1000);
  }, 120_000);

  test('the same resident ten times at once: exactly one ballot, the others told it is final', async () => {
    const round = await roundInVoting(staff, proposer);
    const voter = crowd[0];
    const answers = await Promise.all(Array.from({ length: 10 }, () => voter.call('budget', 'castBallot', { id: round.id, projects: [round.ballotProjects[0].id] })));
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    for (const x of answers.filter((y) => !y.ok)) expect(x).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(answers.some((x) => !x.ok && x.error.message === '您已经投过票了，选票提交后不能更改')).toBe(true);
    expect(await ballots(round.id)).toBe(1);
    expect(await markers(round.id)).toBe(1);
    expect((await voter.ok('budget', 'getRound', { id: round.id })).me).toEqual({ voted: true, cannotVote: '您已经投过票了' });
  }, 60_000);

  test('two members of one household at once (一户一票): exactly one ballot; the other is told their household has voted', async () => {
    const round = await roundInVoting(staff, proposer, { voterUnit: 'household' });
    const family = await residents(cloud, 2, `family-${kind}`, () => ({ building: '7号楼', unit: '2单元 602' }));
    const answers = await Promise.all(family.map((m) => m.call('budget', 'castBallot', { id: round.id, projects: [round.ballotProjects[1].id] })));
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您家已有家庭成员投过票了，本轮一户一票' } });
    expect(await ballots(round.id)).toBe(1);
    // Another household in the same building votes as usual.
    const neighbour = (await residents(cloud, 1, `neighbour-${kind}`, () => ({ building: '7号楼', unit: '2单元 603' })))[0];
    await neighbour.ok('budget', 'castBallot', { id: round.id, projects: [round.ballotProjects[1].id] });
    expect(await ballots(round.id)).toBe(2);
  }, 60_000);

  describe('refusals write nothing', () => {
    let round: RoundView;
    beforeAll(async () => {
      round = await roundInVoting(staff, proposer);
    }, 60_000);

    test('a ballot after the close', async () => {
      await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'voting' });
      const before = cloud.snapshot();
      const answer = await crowd[5].call('budget', 'castBallot', { id: round.id, projects: [round.ballotProjects[0].id] });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '投票已经截止' } });
      expect(cloud.snapshot()).toBe(before);
    });

    test('a proposal after 征集', async () => {
      const before = cloud.snapshot();
      const answer = await crowd[6].call('budget', 'submitProposal', { id: round.id, title: '晚到的提案', description: '征集已经结束了', category: '环境美化', location: '南门', cost: 1000 });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '提案征集已经结束' } });
      expect(cloud.snapshot()).toBe(before);
    });

    test("a review by another community's staff", async () => {
      const fresh = await staff.ok('budget', 'createRound', roundPlan(Date.now()));
      const p = await crowd[7].ok('budget', 'submitProposal', { id: fresh.id, title: '楼下装路灯', description: '晚上太黑', category: '设施改善', location: '9号楼', cost: 8000 });
      const before = cloud.snapshot();
      const answer = await otherStaff.call('budget', 'reviewProposal', { id: p.id, verdict: 'ineligible', reason: '不属于本社区' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(cloud.snapshot()).toBe(before);
    });

    test('an over-K ballot and an over-budget knapsack ballot, with a clear message', async () => {
      const open = await roundInVoting(staff, proposer, { ballotRule: { kind: 'approval', maxChoices: 2, minChoices: 1 } });
      const before = cloud.snapshot();
      expect(await crowd[8].call('budget', 'castBallot', { id: open.id, projects: open.ballotProjects.slice(0, 3).map((p) => p.id) })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: '最多只能选2个项目，您选了3个' },
      });
      expect(cloud.snapshot()).toBe(before);
      const knapsack = await roundInVoting(staff, proposer, { ballotRule: { kind: 'knapsack' } });
      const snap = cloud.snapshot();
      expect(await crowd[8].call('budget', 'castBallot', { id: knapsack.id, projects: knapsack.ballotProjects.map((p) => p.id) })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: '所选项目合计¥140,000，超过了本轮预算¥100,000，请减少一些' },
      });
      expect(cloud.snapshot()).toBe(snap);
    }, 60_000);
  });
});
