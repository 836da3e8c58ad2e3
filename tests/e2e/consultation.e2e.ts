import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ConsultationView, NoticeView } from '@shared/contract';
import { answerDialog, button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

/**
 * 居民议事厅 end to end: the host (王大姐) walks one consultation through all six steps on her phone while
 * three residents, each in their own browser, send opinions and 附议, sign up for two seats (one waits and
 * is promoted when another cancels), check in with the code on the host's screen, vote and rate.
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

const THEME = '小区停车难怎么办';
const TOPIC = '是否与邻近单位共享夜间车位';
const OPINION_1 = '晚上车位不够';
const OPINION_2 = '消防通道常被占';
const POOL_OPINION = '访客车辆乱停';
const DETAIL = '/packages/consultation/detail/index?id=';

/** Waits for the page whose title reads `title` to be the one on top, and returns it. */
async function onPage(page: Page, title: string | RegExp): Promise<Locator> {
  await page.locator('.taro_page:visible .page-title', { hasText: title }).last().waitFor();
  return currentPage(page);
}

/**
 * A screenshot of the part of the screen that matters (the step's form, not wherever the last tap left the
 * scroll), once the toast from the last action has gone.
 */
async function shot(page: Page, name: string, at?: Locator): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((el) => el.getClientRects().length === 0 || getComputedStyle(el).display === 'none'));
  if (at) await at.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function hostStep(page: Page, step: number): Promise<Locator> {
  await page.locator(`.taro_page:visible [data-testid="host-screen"][data-step="${step}"]`).waitFor();
  return currentPage(page);
}

async function openDetail(phone: Phone, id: string): Promise<Locator> {
  const view = await gotoRoute(phone.page, `${DETAIL}${id}`);
  await view.locator('[data-testid="consultation"]').waitFor();
  return view;
}

async function expectFitsPhone(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** The host's big bottom button, once the checklist says the step is complete. */
async function advance(host: Phone, from: number): Promise<Locator> {
  let view = await hostStep(host.page, from);
  await view.locator('[data-testid="checklist"]', { hasText: '本步骤已完成' }).waitFor();
  await expectTappable(button(view, '进入下一步'));
  await button(view, '进入下一步').click();
  view = await hostStep(host.page, from + 1);
  return view;
}

async function submitOpinion(phone: Phone, title: string, category: string, description: string): Promise<void> {
  const form = await onPage(phone.page, '提意见');
  await form.locator('[data-field="title"] input').fill(title);
  await form.locator('[data-field="category"] .gz-choice', { hasText: category }).click();
  await form.locator('[data-field="description"] textarea').fill(description);
  await button(form, '提交意见').click();
  await phone.page.getByText('意见已提交').first().waitFor();
  // The form goes back by itself a moment after the toast; a route opened before that would be popped by it.
  await phone.page.locator('.taro_page .page-title', { hasText: '提意见' }).waitFor({ state: 'detached' });
}

test('a host runs a consultation through all six steps while residents take part from their phones', async () => {
  const host = await openPhone(browser, { openid: 'demo-host' });
  const [r1, r2, r3] = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3'].map((openid) => openPhone(browser, { openid })));

  // —— Step 1 收集意见: the host starts it from the 议事 tab ——
  let h = await gotoRoute(host.page, '/pages/consult/index');
  await h.locator('[data-testid="entry-create"]').click();
  h = await onPage(host.page, '发起议事');
  await h.locator('[data-field="theme"] input').fill(THEME);
  await screenshot(host.page, 'consultation-create-host');
  await button(h, '发起议事').click();
  h = await hostStep(host.page, 1);
  const id = /[?&]id=([^&]+)/.exec(host.page.url())?.[1] ?? '';
  expect(id).toMatch(/^cs/);
  await h.locator('[data-testid="checklist"]', { hasText: '至少收集到1条居民意见' }).waitFor();
  await expect(button(h, '进入下一步').getAttribute('class')).resolves.toContain('disabled');

  // A resident finds it on the 议事 tab, under 收集意见, and sends an opinion into it.
  let v = await gotoRoute(r1.page, '/pages/consult/index');
  await v.locator('.gz-choice', { hasText: '收集意见' }).click();
  await v.locator('.cs-card', { hasText: THEME }).click();
  v = await onPage(r1.page, THEME);
  await button(v, '我来提意见').click();
  await submitOpinion(r1, OPINION_1, '停车交通', '晚上八点以后很难找到车位，建议错峰共享附近单位的车位。');
  v = await onPage(r1.page, THEME);
  await v.getByText('本次议事收到的意见（1条）').waitFor();
  await shot(r1.page, 'consultation-step1-resident');

  await openDetail(r2, id);
  await button(currentPage(r2.page), '我来提意见').click();
  await submitOpinion(r2, OPINION_2, '停车交通', '有车停在消防通道上，救护车进不来。');

  // The third drops one into the community's pool instead, from the 议事 tab.
  v = await gotoRoute(r3.page, '/pages/consult/index');
  await v.locator('[data-testid="entry-opinions"]').click();
  v = await onPage(r3.page, '意见池');
  await button(v, '我来提意见').click();
  await submitOpinion(r3, POOL_OPINION, '停车交通', '外来车辆随意停在楼下，影响居民出行。');

  // 附议: two residents join the first opinion, one joins the pool opinion; the pool sorts by support.
  for (const phone of [r2, r3]) {
    v = await gotoRoute(phone.page, `/packages/consultation/opinions/index?communityId=c_xingfuli&consultationId=${id}`);
    const card = v.locator('.cs-opinion', { hasText: OPINION_1 });
    await card.locator('[data-testid="support"]').click();
    await card.locator('[data-testid="support"]', { hasText: '已附议' }).waitFor();
  }
  v = await gotoRoute(r1.page, '/packages/consultation/opinions/index?communityId=c_xingfuli');
  await v.locator('.cs-opinion', { hasText: POOL_OPINION }).locator('[data-testid="support"]').click();
  await v.locator('.cs-opinion', { hasText: POOL_OPINION }).locator('[data-testid="support"]', { hasText: '已附议 1' }).waitFor();
  await v.locator('.gz-choice', { hasText: '最多附议' }).click();
  await v.locator('.cs-opinion').first().filter({ hasText: OPINION_1 }).waitFor();
  // Her own opinion shows its count, with no 附议 button; others' have one.
  await v.locator('.cs-opinion', { hasText: OPINION_1 }).locator('[data-testid="support-count"]', { hasText: '2 人附议' }).waitFor();
  expect(await v.locator('.cs-opinion', { hasText: OPINION_1 }).locator('[data-testid="support"]').count()).toBe(0);
  await expectTappable(v.locator('.cs-opinion', { hasText: POOL_OPINION }).locator('[data-testid="support"]'));
  await screenshot(r1.page, 'consultation-opinion-pool-resident');

  // A comment under the opinion.
  await v.locator('.cs-opinion', { hasText: OPINION_1 }).click();
  v = await onPage(r1.page, OPINION_1);
  await v.getByText('2 位居民附议').waitFor();
  await v.locator('[data-field="body"] textarea').fill('我家楼下也是这样，支持错峰停车。');
  await button(v, '发表评论').click();
  await v.getByText('支持错峰停车').waitFor();

  // The host brings the pool opinion in and ends the collection early, saying why.
  await host.page.reload();
  h = await hostStep(host.page, 1);
  await button(h, '打开意见池挑选').click();
  await h.locator('[data-testid="pool-pick"] .cs-pick__row', { hasText: POOL_OPINION }).click();
  await button(h, '纳入所选').click();
  await h.getByText('已收到 3 条意见').waitFor();
  // She reads one, answers as host and tags it.
  await h.locator('.cs-mini-opinion', { hasText: OPINION_1 }).click();
  const o = await onPage(host.page, OPINION_1);
  await o.locator('[data-field="tags"] input').fill('停车 夜间');
  await button(o, '保存标签').click();
  await o.locator('.gz-tag', { hasText: '夜间' }).waitFor();
  await o.locator('[data-field="body"] textarea').fill('谢谢大家，会一并纳入讨论。');
  await button(o, '发表评论').click();
  await o.locator('.cs-comment', { hasText: '会一并纳入讨论' }).locator('.gz-tag', { hasText: '主持人' }).waitFor();
  await shot(host.page, 'consultation-opinion-host', o.locator('.gz-section-title'));
  await host.page.goBack();
  h = await hostStep(host.page, 1);
  await button(h, '提前结束收集').click();
  await h.locator('[data-testid="close-collection-form"] textarea').fill('意见已比较集中，尽快商量');
  await button(h, '确认提前结束收集').click();
  await h.locator('[data-testid="collection-closed"]').waitFor();
  await h.locator('[data-testid="checklist"]', { hasText: '本步骤已完成' }).waitFor();
  await shot(host.page, 'consultation-step1-host', h.locator('.cs-step-heading'));
  h = await advance(host, 1);

  // —— Step 2 确定议题 ——
  await h.locator('[data-field="title"] input').fill(TOPIC);
  await h.locator('[data-field="background"] textarea').fill('小区车位300个，登记车辆420辆，晚上停车难。');
  await h.locator('[data-field="question"] textarea').fill('是否与邻近单位签订夜间错峰停车协议？');
  await h.locator('[data-testid="adopt-pick"] .cs-pick__row', { hasText: OPINION_1 }).click();
  await h.locator('[data-testid="adopt-pick"] .cs-pick__row', { hasText: POOL_OPINION }).click();
  await h.locator('[data-field="adoptionReason"] textarea').fill('附议最多，且可以操作。');
  await button(h, '保存议题').click();
  await h.locator('[data-testid="checklist"]', { hasText: '本步骤已完成' }).waitFor();
  await shot(host.page, 'consultation-step2-host', h.locator('.cs-step-heading'));
  v = await openDetail(r2, id);
  await v.locator('[data-testid="topic-card"]', { hasText: TOPIC }).waitFor();
  await shot(r2.page, 'consultation-step2-resident', v.locator('[data-testid="topic-card"]'));
  h = await advance(host, 2);

  // —— Step 3 制定方案: two open seats so the third resident waits ——
  await h.locator('[data-field="place"] input').fill('社区议事厅');
  await h.locator('[aria-label="增加物业人数"]').click();
  await h.locator('[data-field="openSeats"] input').fill('2');
  await h.locator('[data-field="quorum"] input').fill('2');
  const options = h.locator('[data-testid="options"] input');
  await options.nth(0).fill('同意签订');
  await options.nth(1).fill('暂不签订');
  await button(h, '保存方案').click();
  await h.locator('[data-testid="checklist"]', { hasText: '本步骤已完成' }).waitFor();
  await shot(host.page, 'consultation-step3-host', h.locator('.cs-step-heading'));
  v = await openDetail(r1, id);
  await v.locator('[data-testid="plan-card"]', { hasText: '社区议事厅' }).waitFor();
  await shot(r1.page, 'consultation-step3-resident', v.locator('[data-testid="plan-card"]'));
  h = await advance(host, 3);

  // —— Step 4 发布公告: sign-ups, a waitlist, a cancellation, a promotion ——
  await h.locator('[data-testid="checklist"]', { hasText: '发布协商公告' }).waitFor();
  await button(h, '预览并发布协商公告').click();
  await h.locator('[data-testid="notice-preview"]', { hasText: `【议事公告】${TOPIC}` }).waitFor();
  await button(h, '发布这条公告').click();
  await answerDialog(host.page, '发布协商公告？', 'confirm');
  await h.locator('[data-testid="notice-published"]').waitFor();

  for (const phone of [r1, r2]) {
    v = await openDetail(phone, id);
    await button(v, '报名参加').click();
    await v.locator('[data-testid="seat-status"]', { hasText: '您已报名成功' }).waitFor();
  }
  v = await openDetail(r3, id);
  await button(v, '名额已满，报名候补').click();
  await v.locator('[data-testid="seat-status"]', { hasText: '候补名单第 1 位' }).waitFor();
  await shot(r3.page, 'consultation-step4-waitlisted-resident', v.locator('[data-testid="seat-card"]'));

  v = await openDetail(r1, id);
  await button(v, '取消报名').click();
  await v.locator('[data-testid="seat-card"][data-seat="cancelled"]').waitFor();

  v = await openDetail(r3, id);
  await v.locator('[data-testid="seat-status"]', { hasText: '您已报名成功' }).waitFor();
  await shot(r3.page, 'consultation-step4-promoted-resident', v.locator('[data-testid="seat-card"]'));
  const inbox = await dataAs<{ items: { title: string }[] }>('demo-resident-3', 'user', 'inbox', {});
  expect(inbox.items.map((m) => m.title)).toContainEqual(expect.stringContaining('候补成功'));

  // The host's list keeps itself current: two seated, nobody waiting, one cancelled.
  h = await hostStep(host.page, 4);
  await h.locator('[data-testid="seat-count"]', { hasText: '已报名 2 人，候补 0 人' }).waitFor({ timeout: 15_000 });
  await h.locator('[data-testid="signup-list"]', { hasText: '已取消' }).waitFor();
  await shot(host.page, 'consultation-step4-host', h.locator('.cs-step-heading'));
  h = await advance(host, 4);

  // —— Step 5 开展协商: the code on the host's phone, typed by the residents ——
  // The meeting is days away in this run, so starting now is an early start, with a reason.
  await h.locator('[data-field="reason"] textarea').fill('参会居民都已到齐，提前开始');
  await button(h, '提前开始会议').click();
  await answerDialog(host.page, '提前开始会议？', 'confirm');
  const code = (await h.locator('[data-testid="checkin-code-value"]').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{6}$/);
  await shot(host.page, 'consultation-step5-meeting-host', h.locator('[data-testid="checkin-code-card"]'));

  for (const phone of [r2, r3]) {
    v = await openDetail(phone, id);
    await v.locator('[data-testid="checkin-code"] input').fill(code.toLowerCase());
    await button(v, /^签到$/).click();
    await v.locator('[data-testid="checked-in"]').waitFor();
  }
  await shot(r3.page, 'consultation-step5-checkin-resident', currentPage(r3.page).locator('[data-testid="checked-in"]'));

  h = await hostStep(host.page, 5);
  await h.locator('[data-testid="attendance"]', { hasText: '已到会 2 人' }).waitFor({ timeout: 15_000 });
  await h.locator('[data-field="guestName"] input').fill('物业刘经理');
  await button(h, '登记此人到会').click();
  await h.locator('[data-testid="attendance"]', { hasText: '已到会 3 人 / 法定人数 2 人，已达到' }).waitFor();
  await h.locator('[data-field="speakerRole"] .gz-choice', { hasText: /^物业$/ }).click();
  await h.locator('[data-field="summary"] textarea').fill('物业同意配合管理夜间车位。');
  await button(h, '记下这条发言').click();
  await h.locator('.cs-points', { hasText: '物业同意配合管理夜间车位' }).waitFor();
  await button(h, '开启表决').click();
  await answerDialog(host.page, '开启表决？', 'confirm');
  await h.locator('[data-testid="vote-control"][data-vote="open"]').waitFor();

  for (const phone of [r2, r3]) {
    v = currentPage(phone.page);
    // Their screens follow the meeting by themselves: the ballot appears without a reload.
    await v.locator('[data-testid="vote-card"]').waitFor({ timeout: 15_000 });
    if (phone === r2) await shot(r2.page, 'consultation-step5-vote-resident', v.locator('[data-testid="vote-card"]'));
    await expectTappable(v.locator('.cs-vote-btn', { hasText: '同意签订' }));
    await v.locator('.cs-vote-btn', { hasText: '同意签订' }).click();
    await phone.page.getByText('确认投票', { exact: true }).click();
    await v.locator('[data-testid="voted"]').waitFor();
  }
  await shot(r3.page, 'consultation-step5-voted-resident', currentPage(r3.page).locator('[data-testid="voted"]'));

  h = currentPage(host.page);
  await button(h, '结束表决并计票').click();
  await answerDialog(host.page, '结束表决并计票？', 'confirm');
  await h.locator('[data-testid="outcome"]', { hasText: '已形成决定：同意签订' }).waitFor();
  await expect(h.locator('[data-testid="result-card"]').innerText()).resolves.toMatch(/同意签订\s*2 票/);
  await h.locator('[data-field="minutes"] textarea').fill('会议同意与邻近单位签订夜间错峰停车协议，物业配合管理。');
  await button(h, '保存纪要').click();
  await h.locator('[data-testid="checklist"]', { hasText: '本步骤已完成' }).waitFor();
  await shot(host.page, 'consultation-step5-host', h.locator('.cs-step-heading'));
  h = await advance(host, 5);

  // —— Step 6 通报情况: the report, progress, ratings, the end ——
  await h.locator('[data-field="responsible"] input').fill('社区居委会 李书记');
  await h.locator('[data-field="milestones"] input').first().fill('签订错峰停车协议');
  await button(h, '预览并发布结果公示').click();
  await h.locator('[data-testid="report-preview"]', { hasText: '签订错峰停车协议' }).waitFor();
  await button(h, '发布这条公告').click();
  await answerDialog(host.page, '发布结果公示？', 'confirm');
  await h.locator('[data-testid="report-published"]').waitFor();
  await h.locator('[data-field="progress"] textarea').fill('协议已签订，下周一起开放夜间车位。');
  await h.locator('.gz-choice', { hasText: '签订错峰停车协议' }).click();
  await button(h, '发布进展').click();
  await h.locator('.cs-progress', { hasText: '协议已签订' }).waitFor();
  await button(h, '标记已落实，开启评价').click();
  await h.locator('[data-testid="implemented"]').waitFor();

  const ratings: [Phone, string][] = [
    [r1, '满意'],
    [r2, '基本满意'],
    [r3, '满意'],
  ];
  for (const [phone, level] of ratings) {
    v = await openDetail(phone, id);
    await v.locator('[data-testid="report-card"]', { hasText: '签订错峰停车协议' }).waitFor();
    await v.locator('[data-testid="rate-card"] .gz-choice').filter({ hasText: new RegExp(`^${level}$`) }).click();
    if (phone === r2) await v.locator('[data-testid="rate-card"] textarea').fill('希望以后更快一些');
    await button(v, '提交评价').click();
    await v.locator('[data-testid="rated"]', { hasText: `您的评价：${level}` }).waitFor();
  }
  await shot(r3.page, 'consultation-step6-resident', currentPage(r3.page).locator('[data-testid="result-card"]'));

  // The residents can open the 结果公示 itself.
  v = currentPage(r3.page);
  await v.locator('[data-testid="report-link"]').click();
  const notice = await onPage(r3.page, '公告详情');
  await notice.getByText('同意签订 2票').waitFor();
  await screenshot(r3.page, 'consultation-report-notice-resident');

  await host.page.reload();
  h = await hostStep(host.page, 6);
  await h.locator('[data-testid="satisfaction"]', { hasText: '满意率：100%（共 3 人评价）' }).waitFor();
  await shot(host.page, 'consultation-step6-host', h.locator('.cs-step-heading'));
  await button(h, '结束议事').click();
  await h.locator('[data-testid="host-screen"][data-state="closed"]').waitFor();
  await h.locator('[data-testid="state-banner"]', { hasText: '已结束' }).waitFor();
  await shot(host.page, 'consultation-closed-host');

  const final = await dataAs<ConsultationView>('demo-resident-1', 'consultation', 'get', { id });
  expect(final).toMatchObject({ state: 'closed', step: 6, attendanceCount: 3, satisfactionRate: 1 });
  expect(final.result).toMatchObject({ outcome: 'decided', counts: [2, 0] });
  const report = await dataAs<NoticeView>('demo-resident-1', 'notice', 'get', { id: final.reportNoticeId });
  expect(report.body).toContain('签订错峰停车协议');

  // Staff read the audit trail from the same page (sign-ups and votes appear there, not on the timeline).
  const staff = await openPhone(browser, { openid: 'demo-staff' });
  v = await openDetail(staff, id);
  await v.locator('[data-testid="staff-tools"]').waitFor();
  await button(v, '查看审计记录').click();
  v = await onPage(staff.page, '审计记录');
  await v.locator('.cs-audit', { hasText: '投票' }).first().waitFor();
  await screenshot(staff.page, 'consultation-audit-staff');

  for (const phone of [host, r1, r2, r3, staff]) await phone.context.close();
}, 300_000);

test('in large-text mode the consultation pages fit a phone and their main buttons can be tapped', async () => {
  const list = await dataAs<{ items: { id: string; state: string }[] }>('demo-resident-4', 'consultation', 'list', { communityId: 'c_xingfuli', state: 'closed' });
  const id = list.items[0]?.id;
  expect(id).toBeTruthy();

  const resident = await openPhone(browser, { openid: 'demo-resident-4', largeText: true });
  let v = await gotoRoute(resident.page, '/pages/consult/index');
  await v.locator('.cs-card').first().waitFor();
  await expectFitsPhone(resident.page);
  await expectTappable(v.locator('[data-testid="entry-opinions"]'));
  await screenshot(resident.page, 'consultation-tab-large');

  v = await openDetail(resident, id);
  await v.locator('[data-testid="state-banner"]', { hasText: '已结束' }).waitFor();
  await expectFitsPhone(resident.page);
  await shot(resident.page, 'consultation-detail-large', v.locator('[data-testid="result-card"]'));

  v = await gotoRoute(resident.page, '/packages/consultation/opinions/index?communityId=c_xingfuli');
  await v.locator('.cs-opinion').first().waitFor();
  await expectFitsPhone(resident.page);
  await expectTappable(v.locator('.cs-opinion [data-testid="support"]').first());
  await expectTappable(button(v, '我来提意见'));
  await screenshot(resident.page, 'consultation-opinions-large');

  // A host's screens at this size: the plan form (a fresh consultation walked to step 3 by the API).
  const now = Date.now();
  const c = await dataAs<ConsultationView>('demo-host', 'consultation', 'create', { communityId: 'c_xingfuli', theme: '楼道堆物清理', collectFrom: now - 60_000, collectTo: now + 86_400_000 });
  const host = await openPhone(browser, { openid: 'demo-host', largeText: true });
  let h = await gotoRoute(host.page, `/packages/consultation/host/index?id=${c.id}`);
  h = await hostStep(host.page, 1);
  await expectFitsPhone(host.page);
  await expectTappable(button(h, '进入下一步'));
  await shot(host.page, 'consultation-step1-host-large', h.locator('.cs-step-heading'));
  await dataAs('demo-resident-4', 'consultation', 'submitOpinion', { communityId: 'c_xingfuli', consultationId: c.id, title: '楼道里堆满纸箱', description: '三号楼楼道堆物多，有消防隐患。', category: '环境卫生' });
  const opinions = await dataAs<{ items: { id: string }[] }>('demo-host', 'consultation', 'listOpinions', { communityId: 'c_xingfuli', consultationId: c.id });
  await dataAs('demo-host', 'consultation', 'closeCollection', { id: c.id, reason: '意见集中' });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 1 });
  await dataAs('demo-host', 'consultation', 'saveTopic', { id: c.id, title: '楼道堆物怎么清', background: '楼道堆物多。', question: '是否统一清理？', adoptedOpinionIds: [opinions.items[0].id], adoptionReason: '安全第一' });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 2 });
  await host.page.reload();
  h = await hostStep(host.page, 3);
  await expectFitsPhone(host.page);
  await expectTappable(h.locator('[aria-label="增加专家人数"]'));
  await expectTappable(button(h, '保存方案'));
  await shot(host.page, 'consultation-step3-host-large', h.locator('.cs-step-heading'));

  await resident.context.close();
  await host.context.close();
}, 180_000);

test('when topics need approval staff reject and then approve from the consultation page; a host postpones, resumes, sends back and cancels, each with a reason', async () => {
  await dataAs('demo-staff', 'user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: true } } });
  const host = await openPhone(browser, { openid: 'demo-host' });
  const staff = await openPhone(browser, { openid: 'demo-staff' });
  const resident = await openPhone(browser, { openid: 'demo-resident-4' });
  try {
    const now = Date.now();
    const c = await dataAs<ConsultationView>('demo-host', 'consultation', 'create', { communityId: 'c_xingfuli', theme: '健身器材坏了怎么修', collectFrom: now - 60_000, collectTo: now + 86_400_000 });
    await dataAs('demo-resident-4', 'consultation', 'submitOpinion', { communityId: 'c_xingfuli', consultationId: c.id, title: '单杠松动', description: '小广场的单杠松了，老人孩子用着危险。', category: '设施维修' });
    await dataAs('demo-host', 'consultation', 'closeCollection', { id: c.id, reason: '情况明确' });
    await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 1 });

    // The host writes the topic and asks for review; the checklist waits on staff.
    let h = await gotoRoute(host.page, `/packages/consultation/host/index?id=${c.id}`);
    h = await hostStep(host.page, 2);
    await h.locator('[data-field="background"] textarea').fill('小广场健身器材用了八年，多处松动。');
    await h.locator('[data-field="question"] textarea').fill('维修费用从哪里出？');
    await h.locator('[data-testid="adopt-pick"] .cs-pick__row', { hasText: '单杠松动' }).click();
    await h.locator('[data-field="adoptionReason"] textarea').fill('涉及安全，需要尽快处理。');
    await button(h, '保存议题').click();
    await button(h, '提交社区工作者审核').click();
    await h.locator('[data-testid="approval-state"][data-approval="pending"]').waitFor();
    await h.locator('[data-testid="checklist"]', { hasText: '等待社区工作者审核议题' }).waitFor();
    await shot(host.page, 'consultation-approval-pending-host', h.locator('.cs-step-heading'));

    // Staff find it under 议事管理 on the 议事 tab and send it back with a reason.
    let s = await gotoRoute(staff.page, '/pages/consult/index');
    await s.locator('[data-testid="entry-staff"]').click();
    s = await onPage(staff.page, '议事管理');
    await s.locator('[data-testid="pending-topic"]', { hasText: '维修费用从哪里出' }).click();
    s = await onPage(staff.page, '健身器材坏了怎么修');
    await s.locator('[data-testid="staff-tools"]', { hasText: '等待您审核' }).waitFor();
    await shot(staff.page, 'consultation-approval-staff', s.locator('[data-testid="staff-tools"]'));
    await button(s, '驳回议题').click();
    await s.locator('[data-testid="staff-tools"] textarea').fill('请写明维修费用的几种来源，方便大家选择');
    await button(s, '确认驳回议题').click();
    await s.locator('[data-testid="staff-tools"]', { hasText: '等待您审核' }).waitFor({ state: 'detached' });

    await host.page.reload();
    h = await hostStep(host.page, 2);
    await h.locator('[data-testid="approval-state"][data-approval="rejected"]', { hasText: '请写明维修费用的几种来源' }).waitFor();
    await shot(host.page, 'consultation-approval-rejected-host', h.locator('.cs-step-heading'));
    await h.locator('[data-field="question"] textarea').fill('维修费用用公共收益还是申请街道资金？');
    await button(h, '保存议题').click();
    await button(h, '提交社区工作者审核').click();
    await h.locator('[data-testid="approval-state"][data-approval="pending"]').waitFor();

    await staff.page.reload();
    s = currentPage(staff.page);
    await button(s, '审核通过').click();
    await s.locator('[data-testid="staff-tools"]', { hasText: '等待您审核' }).waitFor({ state: 'detached' });

    await host.page.reload();
    h = await advance(host, 2);

    // 延期 with a reason: residents see it on the consultation page.
    await button(h, /^延期$/).click();
    await h.locator('[data-testid="postpone-form"] textarea').fill('物业经理出差，下周回来再商量');
    await button(h, '确认延期').click();
    await h.locator('[data-testid="state-banner"]', { hasText: '已延期' }).waitFor();
    let v = await openDetail(resident, c.id);
    await v.locator('[data-testid="state-banner"]', { hasText: '物业经理出差' }).waitFor();
    await shot(resident.page, 'consultation-postponed-resident');

    h = currentPage(host.page);
    await button(h, '恢复进行').click();
    await h.locator('[data-testid="host-screen"][data-state="active"]').waitFor();
    await button(h, '退回上一步').click();
    await h.locator('[data-testid="send-back-form"] textarea').fill('议题还要补充维修清单');
    await button(h, '确认退回上一步').click();
    h = await hostStep(host.page, 2);
    await button(h, '取消议事').click();
    await h.locator('[data-testid="cancel-form"] textarea').fill('街道已统一安排维修，无需再议');
    await button(h, '确认取消议事').click();
    await answerDialog(host.page, '取消这次议事？', 'confirm');
    await h.locator('[data-testid="state-banner"]', { hasText: '已取消' }).waitFor();
    await shot(host.page, 'consultation-cancelled-host');

    const timeline = await dataAs<{ label: string; note: string | null }[]>('demo-resident-4', 'consultation', 'timeline', { id: c.id });
    expect(timeline.map((t) => t.label)).toEqual(expect.arrayContaining(['议题被驳回', '议题审核通过', '延期', '恢复进行', '退回上一步', '取消']));
    expect(timeline.find((t) => t.label === '退回上一步')?.note).toBe('议题还要补充维修清单');
    v = await openDetail(resident, c.id);
    await v.locator('.cs-timeline', { hasText: '议题还要补充维修清单' }).waitFor();
  } finally {
    await dataAs('demo-staff', 'user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: false } } });
    for (const phone of [host, staff, resident]) await phone.context.close();
  }
}, 180_000);

test('a visitor who has not signed in can read the consultations, a timeline and the opinions, and is offered no action of a resident, host or staff', async () => {
  const list = await dataAs<{ items: { id: string }[] }>(null, 'consultation', 'list', { communityId: 'c_xingfuli', state: 'closed' });
  const visitor = await openPhone(browser);
  let v = await gotoRoute(visitor.page, '/pages/consult/index');
  await v.locator('.cs-card').first().waitFor();
  expect(await v.locator('[data-testid="entry-create"]').count()).toBe(0);
  v = await openDetail(visitor, list.items[0].id);
  await v.locator('.cs-timeline', { hasText: '发起议事' }).waitFor();
  expect(await v.locator('.cs-bar').count()).toBe(0);
  expect(await v.locator('[data-testid="staff-tools"]').count()).toBe(0);
  await shot(visitor.page, 'consultation-detail-visitor');
  v = await gotoRoute(visitor.page, '/packages/consultation/opinions/index?communityId=c_xingfuli');
  await v.locator('.cs-opinion').first().waitFor();
  expect(await v.locator('.cs-bar').count()).toBe(0);
  await visitor.context.close();
});
