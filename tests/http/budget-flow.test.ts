import { electionOf, equalShares, greedy, parsePb, profileOf } from '@shared/budget/tally';
import { COUNT_SETTLE_MS } from '@shared/budget/phases';
import { DAY_MS } from '@shared/time';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { PROJECTS, roundPlan } from '../support/budget';

/** A whole 创享计划 round through the local cloud over HTTP, as staff and residents would walk it. */
describe('a 创享计划 round from proposals to a finished project', () => {
  let cloud: TestCloud;
  let staff: Client;
  let secondStaff: Client;
  let admin: Client;
  let people: Client[];
  let outsider: Client;
  let now: number;

  beforeAll(async () => {
    now = Date.now();
    cloud = await startCloud({ now });
    staff = await cloud.login('demo-staff');
    admin = await cloud.login('demo-admin');
    secondStaff = await cloud.login('demo-host');
    people = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'].map((o) => cloud.login(o)));
    outsider = await cloud.login('demo-resident-heping');
    // A second staff member in 幸福里, to countersign paper ballots.
    const host = await secondStaff.ok('user', 'me', {});
    await admin.ok('user', 'assignStaff', { communityId: 'c_xingfuli', userId: host.id });
  }, 60_000);
  afterAll(() => cloud.close());

  test('propose, 附议, review, vote (online and paper), count by both rules, publish, export, recount, import, carry out, rate', async () => {
    const [zhang, liu, chen, zhao] = people;
    const round = await staff.ok('budget', 'createRound', roundPlan(now, { supportThreshold: 1, ballotRule: { kind: 'approval', maxChoices: 2, minChoices: 1 } }));
    expect(round).toMatchObject({ phase: 'collect', canManage: true, turnout: 0, results: null });

    // 征集: residents propose; staff enter one for a community organisation (代办).
    const [railing, gym, kiosk] = await Promise.all(PROJECTS.slice(0, 3).map((p, i) => people[i].ok('budget', 'submitProposal', { id: round.id, ...p, description: `${p.title}，方便居民。` })));
    const playground = await staff.ok('budget', 'submitProposal', { id: round.id, ...PROJECTS[3], description: '儿童游乐区设施老化', onBehalf: { kind: 'organisation', name: '幸福里亲子志愿服务队' } });
    expect(playground).toMatchObject({ proposerName: '幸福里亲子志愿服务队', onBehalf: 'organisation', mine: false });
    const duplicate = await zhao.ok('budget', 'submitProposal', { id: round.id, title: '楼道装扶手', description: '老人上楼需要扶手', category: '设施改善', location: '2号楼', cost: 25_000 });
    expect(await zhang.call('budget', 'submitProposal', { id: round.id, ...PROJECTS[0], description: '太贵', cost: 60_000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '单个项目不能超过¥50,000' } });
    expect(await zhang.call('budget', 'submitProposal', { id: round.id, ...PROJECTS[0], description: '类别不对', category: '养老' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { category: expect.stringContaining('环境美化') } } });
    // Only staff enter on someone's behalf.
    expect(await zhang.call('budget', 'submitProposal', { id: round.id, ...PROJECTS[0], description: '代办', onBehalf: { kind: 'resident', name: '王奶奶' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The proposer edits until review; others 附议 (not their own, once each).
    expect(await zhang.ok('budget', 'editProposal', { id: railing.id, location: '1至4号楼' })).toMatchObject({ location: '1至4号楼', mine: true });
    expect(await liu.call('budget', 'editProposal', { id: railing.id, location: '别人的' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [who, p] of [[liu, railing], [chen, railing], [zhang, gym], [zhang, kiosk], [liu, playground]] as const) await who.ok('budget', 'supportProposal', { id: p.id });
    await chen.ok('budget', 'supportProposal', { id: duplicate.id });
    expect(await liu.call('budget', 'supportProposal', { id: railing.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已经附议过了' } });
    expect(await zhang.call('budget', 'supportProposal', { id: railing.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '不能附议自己的提案' } });
    expect((await zhang.ok('budget', 'getProposal', { id: railing.id })).supportCount).toBe(2);

    // 审核: the proposer can no longer edit; staff merge the duplicate (its supporters and proposer move, counted once), review each.
    await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'collect' });
    expect(await zhang.call('budget', 'editProposal', { id: railing.id, location: '改不了' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '征集已结束，提案不能再修改' } });
    const merged = await staff.ok('budget', 'mergeProposals', { id: railing.id, duplicateIds: [duplicate.id] });
    expect(merged.supportCount).toBe(3); // 刘, 陈 (also on the duplicate), and 赵 who proposed it
    expect(await staff.call('budget', 'advanceRound', { id: round.id, fromPhase: 'review' })).toMatchObject({ ok: false, error: { message: '还有4个提案没有审核' } });
    await staff.ok('budget', 'reviewProposal', { id: railing.id, verdict: 'eligible', adjustedCost: 28_000, reason: '按施工报价调整' });
    await staff.ok('budget', 'reviewProposal', { id: gym.id, verdict: 'eligible' });
    await staff.ok('budget', 'reviewProposal', { id: kiosk.id, verdict: 'ineligible', reason: '北门改造已列入街道计划' });
    expect(await staff.call('budget', 'reviewProposal', { id: playground.id, verdict: 'ineligible' })).toMatchObject({ ok: false, error: { fields: { reason: '不通过时请填写理由' } } });
    await staff.ok('budget', 'reviewProposal', { id: playground.id, verdict: 'eligible' });
    // The proposer hears the verdict in their inbox.
    const inbox = await chen.ok('user', 'inbox', {});
    expect(inbox.items[0]).toMatchObject({ title: '您的提案未通过审核', body: expect.stringContaining('北门改造已列入街道计划') });

    // 投票: the ballot is fixed, a 创享计划 notice goes out, per-project counts stay hidden while the turnout shows.
    const voting = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'review' });
    expect(voting.ballotProjects.map((p) => [p.title, p.cost])).toEqual([
      ['楼道加装扶手', 28_000],
      ['小广场健身角', 50_000],
      ['儿童游乐区改造', 40_000],
    ]);
    const notices = await zhang.ok('notice', 'list', { communityId: 'c_xingfuli' });
    expect(notices.items.some((n) => n.category === '创享计划' && n.title === `【创享计划投票】${round.name}`)).toBe(true);
    const [r, g, p] = voting.ballotProjects.map((x) => x.id);
    const receipts: Record<string, string> = {};
    receipts.zhang = (await zhang.ok('budget', 'castBallot', { id: round.id, projects: [r, p], receipt: 'ABCD2345' })).receipt;
    receipts.liu = (await liu.ok('budget', 'castBallot', { id: round.id, projects: [r] })).receipt;
    receipts.chen = (await chen.ok('budget', 'castBallot', { id: round.id, projects: [g] })).receipt;
    expect(receipts.zhang).toBe('ABCD2345');
    // A ballot costs the caller and the round (read by the router), then the marker, the ballot and the audit entry.
    for (const m of cloud.requests.filter((q) => q.fn === 'budget' && q.action === 'castBallot' && q.code === 'OK')) {
      expect(m.reads).toBeLessThanOrEqual(3);
      expect(m.writes).toBeLessThanOrEqual(3);
    }
    expect(await zhao.call('budget', 'castBallot', { id: round.id, projects: [r, g, p] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '最多只能选2个项目，您选了3个' } });
    expect(await outsider.call('budget', 'castBallot', { id: round.id, projects: [r] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const during = await zhao.ok('budget', 'getRound', { id: round.id });
    expect(during).toMatchObject({ turnout: 3, results: null, me: { voted: false, cannotVote: null } });
    expect(await zhao.call('budget', 'findBallot', { id: round.id, receipt: 'ABCD2345' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });

    // A paper ballot: entered with a reason, countersigned by a second staff member (not the one who entered it).
    const paper = await staff.ok('budget', 'enterPaperBallot', { id: round.id, projects: [g, p], reason: '独居老人不会用手机，上门收取纸质选票', building: '9号楼', unit: '1单元101', name: '王奶奶' });
    expect(paper).toMatchObject({ status: 'pending', projects: [g, p].sort() });
    expect(await staff.call('budget', 'countersignPaperBallot', { id: round.id, paperId: paper.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '复核须由录入人以外的另一位工作人员进行' } });
    const signed = await secondStaff.ok('budget', 'countersignPaperBallot', { id: round.id, paperId: paper.id });
    expect(signed).toMatchObject({ status: 'countersigned', projects: null, receipt: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    // The same elder's paper ballot cannot be entered twice.
    expect(await staff.call('budget', 'enterPaperBallot', { id: round.id, projects: [g], reason: '重复录入', building: '9号楼', unit: '1单元 101', name: '王奶奶' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The audit says ballots were cast, never what they chose.
    const trail = await staff.ok('user', 'auditTrail', { communityId: 'c_xingfuli', targetId: `${round.id}-votes` });
    expect(trail.items).toHaveLength(4);
    expect(trail.items.every((e) => e.action === 'budget.castBallot' && e.after === 'cast')).toBe(true);

    // 公示: closing records the time; the count waits a minute, then runs both rules.
    const closed = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'voting' });
    expect(closed).toMatchObject({ phase: 'results', closedAt: now, results: null, countableAt: now + COUNT_SETTLE_MS });
    expect(await staff.call('budget', 'publishResults', { id: round.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('投票刚截止') } });
    cloud.setNow(now + COUNT_SETTLE_MS);
    const published = await staff.ok('budget', 'publishResults', { id: round.id });
    const results = published.results!;
    expect(results.voters).toBe(4);
    expect(results.paperBallots).toBe(1);
    expect(results.projects.map((x) => x.votes)).toEqual([2, 2, 2]);
    // Budget ¥100,000, four voters at ¥25,000. Greedy (all tied on 2 votes, cheapest first): 扶手 28k, 游乐区 40k; 健身角 50k no longer fits.
    expect(results.greedy.winners).toEqual([r, p]);
    // MES: all three have 2 effective votes; 扶手 first (cheapest): 张 and 刘 pay ¥14,000 each. Then 健身角: 陈 and the
    // paper voter pay ¥25,000 each. 游乐区 needs ¥40,000 but 张 has ¥11,000 left and the paper voter nothing.
    expect(results.mes.winners).toEqual([r, g]);
    expect(results.mes.purchases.map((x) => x.payment)).toEqual([14_000, 25_000]);
    expect(results.winners).toEqual(results.mes.winners);
    expect(published.resultNoticeId).toEqual(expect.any(String));
    const notice = await zhao.ok('notice', 'get', { id: published.resultNoticeId! });
    expect(notice).toMatchObject({ category: '结果公示', source: { module: 'budget', id: round.id } });
    expect(notice.body).toContain('【两种规则对比】');
    // Voters hear the results.
    expect((await liu.ok('user', 'inbox', {})).items[0]).toMatchObject({ title: '创享计划结果已公示', link: { module: 'budget', id: round.id } });
    expect(await staff.call('budget', 'publishResults', { id: round.id })).toMatchObject({ ok: false, error: { message: '结果已经公示' } });

    // The voter finds their own ballot by the receipt among the anonymous ballots; nothing there names anyone.
    expect(await zhang.ok('budget', 'findBallot', { id: round.id, receipt: 'abcd-2345' })).toEqual({ receipt: 'ABCD2345', projects: [r, p].sort(), method: 'online' });
    const listed = await outsider.ok('budget', 'listBallots', { id: round.id });
    expect(listed.items).toHaveLength(4);
    expect(JSON.stringify(listed)).not.toMatch(/u_demo/);

    // Anyone exports the .pb and recounts it with the same tallies: the same winners.
    const pb = await outsider.ok('budget', 'exportPb', { id: round.id });
    const file = parsePb(pb.text);
    expect(file.meta).toMatchObject({ vote_type: 'approval', rule: 'equalshares/add1', budget: '100000', max_length: '2', num_votes: '4' });
    expect(file.votes.filter((v) => v.voting_method === 'paper')).toHaveLength(1);
    expect(file.votes.find((v) => v.voter_id === 'ABCD2345')).toMatchObject({ vote: [r, p].sort().join(','), voting_method: 'internet' });
    const profile = profileOf(electionOf(file));
    expect(equalShares(profile).winners.map((c) => profile.ids[c])).toEqual(results.mes.winners);
    expect(greedy(profile).map((c) => profile.ids[c])).toEqual(results.greedy.winners);

    // And imports it into a closed test round: the app's own count gives the same winners.
    const imported = await staff.ok('budget', 'importPb', { communityId: 'c_xingfuli', name: '复算测试', text: pb.text });
    expect(imported).toMatchObject({ phase: 'results', imported: true, results: { voters: 4, winners: results.mes.winners, greedy: { winners: results.greedy.winners } } });
    expect(await staff.call('budget', 'importPb', { communityId: 'c_xingfuli', name: '坏文件', text: 'PROJECTS\nx' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('文件格式不正确') } });

    // 实施: each winner is tracked; staff set milestones and post progress; residents rate a finished project once.
    const implementing = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'results' });
    expect(implementing.phase).toBe('implementation');
    const railingNow = await zhang.ok('budget', 'getProposal', { id: r });
    expect(railingNow.implementation).toEqual({ status: 'planned', progress: 0, spent: 0, milestones: [], doneAt: null });
    await staff.ok('budget', 'setMilestones', { id: r, milestones: [{ title: '采购', due: now + 10 * DAY_MS }, { title: '安装', due: now + 20 * DAY_MS }] });
    await staff.ok('budget', 'addImplementationUpdate', { id: r, text: '扶手已采购到位', progress: 40, spent: 12_000, milestoneDone: 0 });
    expect(await zhang.call('budget', 'rateProject', { id: r, level: 'satisfied' })).toMatchObject({ ok: false, error: { message: '项目完成后才能评价' } });
    await staff.ok('budget', 'addImplementationUpdate', { id: r, text: '全部安装完成', progress: 100, spent: 27_500, milestoneDone: 1 });
    const done = await zhang.ok('budget', 'getProposal', { id: r });
    expect(done.implementation).toMatchObject({ status: 'done', progress: 100, spent: 27_500, milestones: [{ done: true }, { done: true }] });
    expect((await zhang.ok('budget', 'listImplementationUpdates', { id: r })).map((u) => u.progress)).toEqual([40, 100]);
    await zhang.ok('budget', 'rateProject', { id: r, level: 'satisfied' });
    await liu.ok('budget', 'rateProject', { id: r, level: 'dissatisfied' });
    expect(await zhang.call('budget', 'rateProject', { id: r, level: 'basic' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '您已经评价过了' } });
    const finished = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'implementation' });
    expect(finished).toMatchObject({ phase: 'done', satisfactionRate: 0.5 });

    // The public timeline tells the round's story without anyone's ballot.
    const timeline = await outsider.ok('budget', 'roundTimeline', { id: round.id });
    expect(timeline.map((e) => e.label)).toEqual(['新建创享计划', '进入「审核」阶段', '开始投票', '投票截止', '计票并公示结果', '进入「实施」阶段', '进入「完成」阶段']);
  }, 60_000);

  test('the cron ends 征集, opens voting once every proposal is reviewed, closes it on time and counts a minute later', async () => {
    const t0 = Date.now();
    cloud.setNow(t0);
    const round = await staff.ok('budget', 'createRound', roundPlan(t0, { name: '定时轮次', collectTo: t0 + DAY_MS, voteFrom: t0 + 2 * DAY_MS, voteTo: t0 + 3 * DAY_MS }));
    const proposal = await people[0].ok('budget', 'submitProposal', { id: round.id, ...PROJECTS[2], description: '美化' });
    await cloud.tick(t0 + DAY_MS);
    expect((await staff.ok('budget', 'getRound', { id: round.id })).phase).toBe('review');
    // Voting is due but a proposal waits for review: the round stays for staff.
    await cloud.tick(t0 + 2 * DAY_MS);
    expect((await staff.ok('budget', 'getRound', { id: round.id })).phase).toBe('review');
    await staff.ok('budget', 'reviewProposal', { id: proposal.id, verdict: 'eligible' });
    await cloud.tick(t0 + 2 * DAY_MS + 1);
    expect((await staff.ok('budget', 'getRound', { id: round.id })).phase).toBe('voting');
    cloud.setNow(t0 + 2 * DAY_MS + 10);
    await people[1].ok('budget', 'castBallot', { id: round.id, projects: [proposal.id] });
    // Past voteTo nobody votes, even before the cron has closed it.
    cloud.setNow(t0 + 3 * DAY_MS);
    expect(await people[2].call('budget', 'castBallot', { id: round.id, projects: [proposal.id] })).toMatchObject({ ok: false, error: { message: '投票已经截止' } });
    await cloud.tick(t0 + 3 * DAY_MS + 5);
    const closed = await staff.ok('budget', 'getRound', { id: round.id });
    expect(closed).toMatchObject({ phase: 'results', closedAt: t0 + 3 * DAY_MS, results: null });
    await cloud.tick(t0 + 3 * DAY_MS + COUNT_SETTLE_MS);
    const counted = await staff.ok('budget', 'getRound', { id: round.id });
    expect(counted.results).toMatchObject({ voters: 1, winners: [proposal.id] });
    const timeline = await staff.ok('budget', 'roundTimeline', { id: round.id });
    expect(timeline.filter((e) => e.actorRole === 'system').map((e) => e.label)).toEqual(['进入「审核」阶段', '开始投票', '投票截止', '计票并公示结果']);
  }, 60_000);
});

describe('what the 创享计划 holds about a person (个人信息保护法)', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud();
  }, 60_000);
  afterAll(() => cloud.close());

  test('the export lists their proposals, 附议 and has-voted markers, never a ballot; deletion unnames them and the ballot still counts', async () => {
    const staff = await cloud.login('demo-staff');
    const proposer = await cloud.login('demo-resident-1');
    const voter = await cloud.login('demo-resident-2');
    const round = await staff.ok('budget', 'createRound', roundPlan(Date.now()));
    const mine = await voter.ok('budget', 'submitProposal', { id: round.id, ...PROJECTS[0], description: '扶手' });
    const other = await proposer.ok('budget', 'submitProposal', { id: round.id, ...PROJECTS[1], description: '健身角' });
    await voter.ok('budget', 'supportProposal', { id: other.id });
    await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'collect' });
    for (const p of [mine, other]) await staff.ok('budget', 'reviewProposal', { id: p.id, verdict: 'eligible' });
    await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'review' });
    const { receipt } = await voter.ok('budget', 'castBallot', { id: round.id, projects: [other.id] });

    const data = await voter.ok('user', 'exportMyData', {});
    // (The demo seed's rounds hold proposals of 刘大爷's too.)
    expect((data.records.budgetProposals as { roundId: string }[]).filter((p) => p.roundId === round.id)).toEqual([expect.objectContaining({ _id: mine.id })]);
    expect(data.records.budgetSupports).toHaveLength(1);
    expect(data.records.budgetVoters).toEqual([expect.objectContaining({ roundId: round.id, method: 'online' })]);
    expect(JSON.stringify(data)).not.toContain(receipt);

    await voter.ok('user', 'deleteMe', { confirm: '删除' });
    expect((await proposer.ok('budget', 'getProposal', { id: mine.id })).proposerName).toBe('已注销用户');
    expect(await cloud.store.count('budgetVoters', { roundId: round.id, userId: null })).toBe(1);
    expect(await cloud.store.count('budgetBallots', { roundId: round.id })).toBe(1);
    expect((await staff.ok('budget', 'getRound', { id: round.id })).turnout).toBe(1);
  }, 60_000);
});
