import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { MeView, RoundView } from '@shared/contract';
import { COUNT_SETTLE_MS } from '@shared/budget/phases';
import { baseUrl, button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

/**
 * 创享计划 end to end, in large text: staff (李书记) open a round; residents propose and 附议, staff review; residents
 * vote on the ballot page (two members of one household: the second is told their household has voted); staff enter
 * a paper ballot that a second staff member countersigns, and close the round; the results show both rules, why each
 * winner won under MES, how greedy differs, and where the voter's share went.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Phone {
  page: Page;
  context: BrowserContext;
}

const ROUND = '2027年幸福里创享计划';
const ROUNDS = '/packages/budget/rounds/index';
const ROUND_PAGE = '/packages/budget/round/index?id=';

async function phone(openid: string): Promise<Phone> {
  return openPhone(browser, { openid, largeText: true });
}

/** Waits for the page whose title reads `title` to be on top, and returns it. */
async function onPage(page: Page, title: string | RegExp): Promise<Locator> {
  await page.locator('.taro_page:visible .page-title', { hasText: title }).last().waitFor();
  return currentPage(page);
}

async function shot(page: Page, name: string, at?: Locator): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((el) => el.getClientRects().length === 0 || getComputedStyle(el).display === 'none'));
  if (at) await at.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Taro's H5 confirm dialog: taps its confirm button. */
async function confirmModal(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).last().click();
}

async function expectFitsPhone(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function tick(at: number): Promise<void> {
  const res = await fetch(`${baseUrl()}/api/dev/tick`, { method: 'POST', body: JSON.stringify({ at }) });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

test('a round from proposals to results, in large text', async () => {
  const staff = await phone('demo-staff');
  const zhang = await phone('demo-resident-1');
  const liu = await phone('demo-resident-2');
  // 刘大爷's daughter lives with him (2号楼 3单元 501, as the seed now records his flat): one household.
  const daughter = await dataAs<MeView>('e2e-budget-daughter', 'user', 'applyResidency', { communityId: 'c_xingfuli', building: '2号楼', unit: '3单元', room: '501' });
  await dataAs('demo-staff', 'user', 'reviewResidency', { userId: daughter.id, approve: true });
  const liuDaughter = await phone('e2e-budget-daughter');
  // A second staff member, to countersign paper ballots: an account of this test's own, since every e2e file shares
  // one cloud and the demo host must stay a host only.
  const second = await dataAs<MeView>('e2e-budget-staff2', 'user', 'me');
  await dataAs('demo-admin', 'user', 'assignStaff', { communityId: 'c_xingfuli', userId: second.id });
  const secondStaff = await phone('e2e-budget-staff2');

  // Staff open a round: one ballot per household, at most 2 projects, the Method of Equal Shares.
  let view = await gotoRoute(staff.page, ROUNDS);
  await expectTappable(button(view, '新建一轮'));
  await button(view, '新建一轮').click();
  view = await onPage(staff.page, '新建一轮创享计划');
  await view.locator('[data-field="name"] input').fill(ROUND);
  await view.locator('[data-field="budget"] input').fill('60000');
  await view.locator('[data-field="projectCap"] input').fill('40000');
  await view.locator('[data-field="ballotRule.maxChoices"] input').fill('2');
  await view.locator('[data-field="voterUnit"] .gz-choice', { hasText: '一户一票' }).click();
  await shot(staff.page, 'budget-01-round-editor');
  await button(view, '创建，开始征集提案').click();
  view = await onPage(staff.page, ROUND);
  const roundId = new URL(staff.page.url().replace('#', '')).searchParams.get('id') ?? '';
  expect(roundId).toMatch(/^br_/);
  await shot(staff.page, 'budget-02-round-collect');

  // 张阿姨 proposes on her phone; 陈女士's proposal comes in too; 刘大爷 附议s.
  view = await gotoRoute(zhang.page, `${ROUND_PAGE}${roundId}`);
  await button(view, '我有好点子，提交提案').click();
  view = await onPage(zhang.page, '提交提案');
  await view.locator('[data-field="title"] input').fill('楼道加装扶手');
  await view.locator('[data-field="category"] .gz-choice', { hasText: '设施改善' }).click();
  await view.locator('[data-field="description"] textarea').fill('老人上下楼没有扶手，雨天容易滑倒。');
  await view.locator('[data-field="location"] input').fill('1至3号楼');
  await view.locator('[data-field="cost"] input').fill('25000');
  await shot(zhang.page, 'budget-03-proposal-form');
  await button(view, '提交提案').click();
  view = await onPage(zhang.page, '楼道加装扶手');
  const railing = new URL(zhang.page.url().replace('#', '')).searchParams.get('id') ?? '';
  await dataAs('demo-resident-3', 'budget', 'submitProposal', { id: roundId, title: '小广场健身角', category: '文体活动', description: '添置健身器材', location: '中心广场', cost: 35_000 });
  await dataAs('demo-resident-4', 'budget', 'submitProposal', { id: roundId, title: '楼前休息长椅', category: '设施改善', description: '树荫下放长椅', location: '5号楼', cost: 10_000 });
  view = await gotoRoute(liu.page, `/packages/budget/proposal/index?id=${railing}`);
  await button(view, '我也支持（附议）').click();
  await view.getByText('1 人附议').waitFor();
  await shot(liu.page, 'budget-04-proposal-support');

  // Staff close 征集 and review: all three eligible, the railing at an adjusted cost.
  view = await gotoRoute(staff.page, `/packages/budget/staff/index?id=${roundId}`);
  await button(view, '结束征集，开始审核').click();
  await confirmModal(staff.page, '确定');
  await view.getByText('开始投票（候选项目就此固定）').waitFor();
  view = await gotoRoute(staff.page, `/packages/budget/review/index?id=${roundId}`);
  await view.locator('[data-testid="review-card"]').first().waitFor();
  await shot(staff.page, 'budget-05-review-queue');
  for (let i = 0; i < 3; i++) {
    const card = view.locator('[data-testid="review-card"]').first();
    if ((await card.locator('.bg-card__title').textContent())?.includes('楼道加装扶手')) await card.locator('[data-field="adjustedCost"] input').fill('24000');
    await button(card, '通过').click();
    await confirmModal(staff.page, '确定');
    await staff.page.waitForFunction((n) => document.querySelectorAll('.taro_page:not([style*="display: none"]) [data-testid="review-card"]').length <= n, 2 - i);
  }
  view = await gotoRoute(staff.page, `/packages/budget/staff/index?id=${roundId}`);
  await button(view, '开始投票（候选项目就此固定）').click();
  await confirmModal(staff.page, '确定');
  await view.getByText('纸质选票（为不会用手机的居民）').waitFor();

  // 刘大爷 votes: large cards, the count, the advice to choose 3, then the confirm screen; his receipt.
  view = await gotoRoute(liu.page, `${ROUND_PAGE}${roundId}`);
  await expectTappable(button(view, '去投票'));
  await button(view, '去投票').click();
  await liu.page.locator('.taro_page:visible [data-testid="ballot-choice"]').first().waitFor();
  view = currentPage(liu.page);
  const cards = view.locator('[data-testid="ballot-choice"]');
  await expect(cards.count()).resolves.toBe(3);
  await cards.filter({ hasText: '楼道加装扶手' }).click();
  await view.getByText('已选 1 / 最多 2 项').waitFor();
  await view.getByText(/建议至少选3项/).waitFor();
  await cards.filter({ hasText: '楼前休息长椅' }).click();
  await view.getByText('已选 2 / 最多 2 项').waitFor();
  await expectFitsPhone(liu.page);
  await shot(liu.page, 'budget-06-ballot');
  await button(view, '下一步：确认选票').click();
  await view.locator('[data-testid="confirm-ballot"]').waitFor();
  await view.getByText('选票提交后不能更改', { exact: false }).waitFor();
  await shot(liu.page, 'budget-07-ballot-confirm');
  await button(view, '确认提交').click();
  view = await onPage(liu.page, '我的投票回执');
  const receipt = (await view.locator('[data-testid="receipt-code"]').textContent())?.trim() ?? '';
  expect(receipt).toMatch(/^[2-9A-Z]{8}$/);
  await shot(liu.page, 'budget-08-receipt');

  // His daughter, same household, cannot vote again.
  view = await gotoRoute(liuDaughter.page, `${ROUND_PAGE}${roundId}`);
  await view.locator('[data-testid="cannot-vote"]', { hasText: '您家已经投过票了' }).waitFor();
  await shot(liuDaughter.page, 'budget-09-household-voted', view.locator('[data-testid="cannot-vote"]'));
  // 张阿姨 votes from her phone's API (the page is the same as her neighbour's).
  const projects = (await dataAs<RoundView>('demo-resident-1', 'budget', 'getRound', { id: roundId })).ballotProjects;
  const id = (t: string) => projects.find((p) => p.title === t)!.id;
  await dataAs('demo-resident-1', 'budget', 'castBallot', { id: roundId, projects: [id('小广场健身角'), id('楼道加装扶手')] });
  await dataAs('demo-resident-3', 'budget', 'castBallot', { id: roundId, projects: [id('小广场健身角')] });

  // A paper ballot for an elder without a phone: entered by 李书记, countersigned by a second staff member.
  view = await gotoRoute(staff.page, `/packages/budget/staff/index?id=${roundId}`);
  const paper = view.locator('[data-testid="paper-ballots"]');
  await paper.locator('[data-field="building"] input').fill('9号楼');
  await paper.locator('[data-field="unit"] input').fill('1单元101');
  await paper.locator('[data-field="name"] input').fill('王奶奶');
  await paper.locator('[data-field="projects"] .gz-choice', { hasText: '楼前休息长椅' }).click();
  await paper.locator('[data-field="reason"] input').fill('独居老人不会用手机，上门收取纸质选票');
  await button(paper, '录入（需另一位工作人员复核）').click();
  await paper.getByText('待复核').waitFor();
  await shot(staff.page, 'budget-10-paper-entered', paper);
  view = await gotoRoute(secondStaff.page, `/packages/budget/staff/index?id=${roundId}`);
  await button(view.locator('[data-testid="paper-ballots"]'), '复核计入').click();
  await confirmModal(secondStaff.page, '复核计入');
  await view.getByText(/已复核/).waitFor();

  // Staff close the round; a minute later the count runs (the cron, here run as of then) and the results are out.
  view = await gotoRoute(staff.page, `/packages/budget/staff/index?id=${roundId}`);
  await view.getByText('已投票 4').waitFor();
  await button(view, '截止投票').click();
  await confirmModal(staff.page, '确定');
  await button(view, '计票并发布结果公示').waitFor();
  await shot(staff.page, 'budget-11-closed');
  await tick(Date.now() + COUNT_SETTLE_MS + 1000);
  const counted = await dataAs<RoundView>('demo-staff', 'budget', 'getRound', { id: roundId });
  expect(counted.results).not.toBeNull();
  expect(counted.results!.voters).toBe(4);
  expect(counted.results!.paperBallots).toBe(1);

  // 刘大爷 reads the results: both rules side by side, why each won, how greedy differs, where his share went.
  view = await gotoRoute(liu.page, `/packages/budget/results/index?id=${roundId}`);
  await view.locator('[data-testid="winners"]').waitFor();
  await expect(view.locator('[data-testid="side-by-side"]').textContent()).resolves.toContain('等额分配');
  await expect(view.locator('[data-testid="side-by-side"]').textContent()).resolves.toContain('按得票');
  await expect(view.locator('[data-testid="mes-explanation"]').textContent()).resolves.toMatch(/由投它的\d+位投票人一起出钱/);
  await view.locator('[data-testid="greedy-difference"]').waitFor();
  const share = view.locator('[data-testid="my-share"]');
  await share.getByText('您家的份额', { exact: false }).waitFor();
  await expect(share.textContent()).resolves.toMatch(/用在了「(楼道加装扶手|楼前休息长椅)」上/);
  await view.getByText('同票怎么办').waitFor();
  await expectFitsPhone(liu.page);
  await shot(liu.page, 'budget-12-results');
  await shot(liu.page, 'budget-13-results-explained', view.locator('[data-testid="mes-explanation"]'));
  await shot(liu.page, 'budget-14-my-share', share);

  // And finds his own ballot by the receipt among the anonymous ones.
  view = await gotoRoute(liu.page, `/packages/budget/receipt/index?id=${roundId}`);
  await button(view, '查找').click();
  await view.locator('[data-testid="found-ballot"]').waitFor();
  await shot(liu.page, 'budget-15-ballot-found', view.locator('[data-testid="found-ballot"]'));
  expect((await dataAs<{ receipt: string }>(null, 'budget', 'findBallot', { id: roundId, receipt })).receipt).toBe(receipt);

  // Staff export the round as Excel: the browser saves the workbook the function stored, named after the round, with
  // the four counted ballots (his among them, by receipt) and both rules' winners.
  view = await gotoRoute(staff.page, `/packages/budget/staff/index?id=${roundId}`);
  const downloading = staff.page.waitForEvent('download');
  await button(view, '导出Excel').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`创享计划-${ROUND}.xlsx`);
  await view.locator('[data-testid="export-excel-done"]').waitFor();
  await shot(staff.page, 'budget-16-excel-exported', view.locator('[data-testid="export-excel"]'));
  const book = new Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(book.worksheets.map((ws) => ws.name)).toEqual(['项目', '选票', '结果']);
  expect(book.getWorksheet('选票')!.rowCount).toBe(1 + 4);
  const receipts: unknown[] = [];
  book.getWorksheet('选票')!.getColumn(2).eachCell((cell) => void receipts.push(cell.value));
  expect(receipts).toContain(receipt);

  for (const p of [staff, zhang, liu, liuDaughter, secondStaff]) await p.context.close();
}, 240_000);
