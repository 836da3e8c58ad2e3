import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import type { RoundView } from '@shared/contract';
import { COUNT_SETTLE_MS } from '@shared/budget/phases';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { roundInVoting } from '../support/budget';

/** The staff's Excel export over HTTP: the link from the local cloud opens a workbook that matches the round's count. */
describe('budget.exportExcel', () => {
  let cloud: TestCloud;
  let staff: Client;
  let otherStaff: Client;
  let people: Client[];
  let secondStaff: Client;
  let clock: number;

  beforeAll(async () => {
    clock = Date.now();
    cloud = await startCloud({ now: clock });
    staff = await cloud.login('demo-staff');
    // A second staff member in 幸福里, to countersign a paper ballot.
    secondStaff = await cloud.login('demo-host');
    const admin = await cloud.login('demo-admin');
    await admin.ok('user', 'assignStaff', { communityId: 'c_xingfuli', userId: (await secondStaff.ok('user', 'me', {})).id });
    otherStaff = await cloud.login('demo-staff-heping');
    people = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'].map((o) => cloud.login(o)));
  }, 60_000);
  afterAll(() => cloud.close());

  const exportsWritten = () => {
    const dir = join(cloud.filesDir, 'exports', 'budget');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };

  /** Each row of a sheet as its cells' values, the heading row first. */
  function rowsOf(ws: Worksheet): unknown[][] {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  async function closedRound(): Promise<RoundView> {
    const round = await roundInVoting(staff, people[0]);
    const [a, b, c, d] = round.ballotProjects.map((p) => p.id);
    await people[0].ok('budget', 'castBallot', { id: round.id, projects: [a, b] });
    await people[1].ok('budget', 'castBallot', { id: round.id, projects: [a] });
    await people[2].ok('budget', 'castBallot', { id: round.id, projects: [c, d] });
    await people[3].ok('budget', 'castBallot', { id: round.id, projects: [b, c, d] });
    const paper = await staff.ok('budget', 'enterPaperBallot', { id: round.id, projects: [a, d], reason: '独居老人不会用手机，上门收取纸质选票', building: '9号楼', unit: `1单元${round.id.slice(-4)}`, name: '王奶奶' });
    await secondStaff.ok('budget', 'countersignPaperBallot', { id: round.id, paperId: paper.id });
    await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'voting' });
    clock += COUNT_SETTLE_MS;
    cloud.setNow(clock);
    return staff.ok('budget', 'publishResults', { id: round.id });
  }

  test('staff get a link to a workbook of projects, anonymous ballots and both rules’ winners, with no voter in it', async () => {
    const round = await closedRound();
    const results = round.results!;
    const file = await staff.ok('budget', 'exportExcel', { id: round.id });
    expect(file.fileName).toBe('创享计划-2026年幸福里创享计划.xlsx');
    expect(file.url).toMatch(/^\/files\/exports\/budget\/.+\.xlsx$/);

    const res = await fetch(`${cloud.url}${file.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await res.arrayBuffer());
    const book = new Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['项目', '选票', '结果']);

    // 项目: one row per candidate, votes and the marks of both rules as counted.
    const projects = rowsOf(book.getWorksheet('项目')!);
    expect(projects[0]).toEqual(['项目编号', '项目名称', '类别', '金额（元）', '得票', '贪心法', '等额分配法（MES）', '本轮结果']);
    const mark = (ids: string[], id: string) => (ids.includes(id) ? '入选' : '');
    expect(projects.slice(1)).toEqual(
      results.projects.map((p) => {
        const category = round.ballotProjects.find((x) => x.id === p.id)!.category;
        return [p.id, p.title, category, p.cost, p.votes, mark(results.greedy.winners, p.id), mark(results.mes.winners, p.id), mark(results.winners, p.id)];
      }),
    );
    expect(projects.slice(1).map((r) => r[4])).toEqual([3, 2, 2, 3]);

    // 选票: the same anonymous ballots anyone can list, by receipt; the paper one says so.
    const ballots = rowsOf(book.getWorksheet('选票')!);
    expect(ballots[0]).toEqual(['序号', '回执码', '所选项目编号', '投票方式']);
    const published = await people[0].ok('budget', 'listBallots', { id: round.id });
    expect(ballots.slice(1).map((r) => [r[1], r[2], r[3]]).sort()).toEqual(published.items.map((b) => [b.receipt, [...b.projects].sort().join(','), b.method === 'paper' ? '纸质' : '线上']).sort());
    expect(ballots.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    expect(ballots.filter((r) => r[3] === '纸质')).toHaveLength(1);

    // 结果: the winners under the round's rule and both rules, what each spent and the share of voters satisfied.
    const outcome = new Map(rowsOf(book.getWorksheet('结果')!).map((r) => [r[0], r[1]]));
    const names = (ids: string[]) => ids.map((id) => `${id} ${results.projects.find((p) => p.id === id)!.title}`).join('\n');
    expect(outcome.get('本轮规则')).toBe('等额分配法（MES）');
    expect(outcome.get('选票数（含纸质）')).toBe(5);
    expect(outcome.get('纸质选票')).toBe(1);
    expect(outcome.get('本轮入选项目')).toBe(names(results.winners));
    expect(outcome.get('贪心法入选项目')).toBe(names(results.greedy.winners));
    expect(outcome.get('等额分配法入选项目')).toBe(names(results.mes.winners));
    expect(outcome.get('贪心法花费（元）')).toBe(results.greedy.spent);
    expect(outcome.get('等额分配法花费（元）')).toBe(results.mes.spent);
    expect(outcome.get('贪心法：至少一个所选项目入选的投票人占比')).toBe(results.greedy.satisfied);
    expect(outcome.get('等额分配法：至少一个所选项目入选的投票人占比')).toBe(results.mes.satisfied);

    // No voter: neither their user ids nor their OPENIDs appear anywhere in the workbook.
    const everything = JSON.stringify(book.worksheets.map(rowsOf));
    const voters = await Promise.all(people.map((p) => p.ok('user', 'me', {})));
    for (const v of voters) expect(everything).not.toContain(v.id);
    for (const p of people) expect(everything).not.toContain(p.openid!);
    expect(everything).not.toContain('王奶奶');
  });

  test('another community’s staff, a resident, and a round still voting are refused, and nothing is written', async () => {
    const closed = await closedRound();
    const open = await roundInVoting(staff, people[1]);
    const files = exportsWritten();
    const before = cloud.snapshot();
    expect(await otherStaff.call('budget', 'exportExcel', { id: closed.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await people[0].call('budget', 'exportExcel', { id: closed.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await staff.call('budget', 'exportExcel', { id: open.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '本轮还没有计票，投票截止并计票公示后才能导出Excel' } });
    expect(cloud.snapshot()).toBe(before);
    expect(exportsWritten()).toBe(files);
  });
});
