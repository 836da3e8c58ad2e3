import type { Browser, Locator, Page } from 'playwright-core';
import type { ConsultationView, NoticeView } from '@shared/contract';
import { answerDialog, button, callAs, currentPage, dataAs, gotoRoute, launchBrowser, noDialog, openPhone, screenshot } from './support';

/**
 * What cannot be undone asks once (confirmIrreversible): publishing the 协商公告 (after a preview), starting the
 * meeting (early only with a reason), opening and closing the vote, publishing the 结果公示 (after a preview) and
 * cancelling. Each dialog is answered 再想想 first, and the server is asked that nothing changed; then confirmed.
 * Along the way: the refused early start, the actual opening time on the detail, the headline after a vote that
 * failed for want of a quorum, and the buttons on the notices that lead back to the consultation.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DAY = 86_400_000;
const HOST = 'demo-host';
const RESIDENT = 'demo-resident-2';
const get = (id: string) => dataAs<ConsultationView>(HOST, 'consultation', 'get', { id });

async function hostStep(page: Page, step: number): Promise<Locator> {
  await page.locator(`.taro_page:visible [data-testid="host-screen"][data-step="${step}"]`).waitFor();
  return currentPage(page);
}

async function openHost(page: Page, id: string, step: number): Promise<Locator> {
  await gotoRoute(page, `/packages/consultation/host/index?id=${id}`);
  return hostStep(page, step);
}

/** A consultation walked by the API to step `to` (2, or 4 with its plan saved and the notice not yet out). */
async function consultationAt(theme: string, to: 2 | 4): Promise<ConsultationView> {
  const now = Date.now();
  let c = await dataAs<ConsultationView>(HOST, 'consultation', 'create', { communityId: 'c_xingfuli', theme, collectFrom: now - 60_000, collectTo: now + DAY });
  const opinion = await dataAs<{ id: string }>('demo-resident-1', 'consultation', 'submitOpinion', {
    communityId: 'c_xingfuli',
    consultationId: c.id,
    title: '楼下路灯坏了',
    description: '晚上回家看不清路，老人容易摔倒。',
    category: '设施维修',
  });
  await dataAs(HOST, 'consultation', 'closeCollection', { id: c.id, reason: '意见集中' });
  c = await dataAs<ConsultationView>(HOST, 'consultation', 'advance', { id: c.id, fromStep: 1 });
  if (to === 2) return c;
  await dataAs(HOST, 'consultation', 'saveTopic', { id: c.id, title: `${theme}怎么办`, background: '路灯坏了三盏。', question: '先修哪一段？', adoptedOpinionIds: [opinion.id], adoptionReason: '关系出行安全' });
  await dataAs(HOST, 'consultation', 'advance', { id: c.id, fromStep: 2 });
  await dataAs(HOST, 'consultation', 'savePlan', {
    id: c.id,
    plan: { meetingAt: now + 5 * DAY, place: '社区议事厅', invited: [], openSeats: 5, agenda: ['介绍情况', '表决'], rule: 'majority', quorum: 2, options: ['先修东段', '先修西段'] },
  });
  return dataAs<ConsultationView>(HOST, 'consultation', 'advance', { id: c.id, fromStep: 3 });
}

test('every confirm dialog appears, 再想想 changes nothing; an early start needs its reason and shows when it opened; the failed vote says what comes next; notices lead back', async () => {
  const host = await openPhone(browser, { openid: HOST });
  const resident = await openPhone(browser, { openid: RESIDENT });
  try {
    const c = await consultationAt('东区路灯', 4);

    // —— 发布协商公告: a preview first, then one question ——
    let h = await openHost(host.page, c.id, 4);
    await button(h, '预览并发布协商公告').click();
    const preview = h.locator('[data-testid="notice-preview"]');
    await preview.getByText('【议事公告】东区路灯怎么办').waitFor();
    await preview.getByText('社区议事厅', { exact: false }).first().waitFor();
    await preview.getByText('“报名参加”', { exact: false }).first().waitFor();
    await screenshot(host.page, 'confirm-notice-preview');
    await button(preview, '发布这条公告').click();
    expect(await answerDialog(host.page, '发布协商公告？', 'cancel')).toContain('发布后不能撤回');
    expect((await get(c.id)).noticeId).toBeNull();
    await button(preview, '发布这条公告').click();
    await answerDialog(host.page, '发布协商公告？', 'confirm');
    await h.locator('[data-testid="notice-published"]').waitFor();
    const noticeId = (await get(c.id)).noticeId!;
    expect(noticeId).toBeTruthy();

    // The 协商公告 carries 报名参加, which opens the consultation.
    let v = await gotoRoute(resident.page, `/packages/notice/detail/index?id=${noticeId}`);
    await button(v, '报名参加').click();
    v = currentPage(resident.page);
    await resident.page.locator('.taro_page:visible [data-testid="consultation"]').waitFor();
    await button(currentPage(resident.page), '报名参加').click();
    await currentPage(resident.page).locator('[data-testid="seat-status"]', { hasText: '您已报名成功' }).waitFor();
    await dataAs(HOST, 'consultation', 'advance', { id: c.id, fromStep: 4 });

    // —— 开始会议, five days early: refused without a reason, with the rule in words ——
    h = await openHost(host.page, c.id, 5);
    await h.locator('[data-testid="early-start-note"]', { hasText: '会前2小时内可以直接开始' }).waitFor();
    await button(h, '提前开始会议').click();
    await h.locator('[data-field="reason"]', { hasText: '提前开始会议，请写明理由' }).waitFor();
    expect(await noDialog(host.page)).toBe(true);
    expect((await get(c.id)).meetingOpenedAt).toBeNull();
    await screenshot(host.page, 'confirm-early-start-refused');
    // The server refuses it the same way, whatever the app does.
    const refused = await callAs(HOST, 'consultation', 'openMeeting', { id: c.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '提前开始会议，请写明理由' } } });

    await h.locator('[data-field="reason"] textarea').fill('台风预警，提前到今天开会');
    await button(h, '提前开始会议').click();
    const asked = await answerDialog(host.page, '提前开始会议？', 'cancel');
    expect(asked).toContain('通知已报名的1人');
    expect((await get(c.id)).meetingOpenedAt).toBeNull();
    await button(h, '提前开始会议').click();
    await answerDialog(host.page, '提前开始会议？', 'confirm');
    await h.locator('[data-testid="checkin-code-value"]').waitFor();

    // The detail says when it really opened, and the timeline gives the reason.
    v = await gotoRoute(resident.page, `/packages/consultation/detail/index?id=${c.id}`);
    await v.locator('[data-testid="opened-at"]', { hasText: '提前开始' }).waitFor();
    await v.locator('.cs-timeline', { hasText: '台风预警，提前到今天开会' }).waitFor();
    await v.locator('.cs-timeline', { hasText: '提前开始会议' }).waitFor();
    const told = await dataAs<{ items: { title: string }[] }>(RESIDENT, 'user', 'inbox', {});
    // Other files share the cloud and may have told this resident something since: look for ours, not the top.
    expect(told.items.map((m) => m.title)).toContain('您报名的议事会议已提前开始');

    // —— 开启表决 and 结束表决: nobody has come, so the vote fails for want of a quorum ——
    h = await hostStep(host.page, 5);
    await button(h, '开启表决').click();
    expect(await answerDialog(host.page, '开启表决？', 'cancel')).toContain('还差2人');
    expect((await get(c.id)).voteState).toBe('not_open');
    await button(h, '开启表决').click();
    await answerDialog(host.page, '开启表决？', 'confirm');
    await h.locator('[data-testid="vote-control"][data-vote="open"]').waitFor();
    await button(h, '结束表决并计票').click();
    expect(await answerDialog(host.page, '结束表决并计票？', 'cancel')).toContain('结果不能更改');
    expect((await get(c.id)).voteState).toBe('open');
    await button(h, '结束表决并计票').click();
    await answerDialog(host.page, '结束表决并计票？', 'confirm');
    await h.locator('[data-testid="outcome"]', { hasText: '未达法定人数' }).waitFor();

    await dataAs(HOST, 'consultation', 'saveMinutes', { id: c.id, minutes: '到会人数不足，未能表决，另行组织。' });
    await dataAs(HOST, 'consultation', 'advance', { id: c.id, fromStep: 5 });
    v = await gotoRoute(resident.page, `/packages/consultation/detail/index?id=${c.id}`);
    const headline = v.locator('[data-testid="now-text"]');
    await headline.filter({ hasText: '未达法定人数' }).waitFor();
    await expect(headline.innerText()).resolves.toContain('主持人将公示情况');
    await expect(headline.innerText()).resolves.not.toContain('正在落实协商结果');
    await screenshot(resident.page, 'confirm-failed-vote-headline');

    // —— 发布结果公示: preview, then one question ——
    h = await openHost(host.page, c.id, 6);
    await h.locator('[data-field="responsible"] input').fill('社区居委会 李书记');
    await h.locator('[data-field="milestones"] input').first().fill('重新组织协商');
    await button(h, '预览并发布结果公示').click();
    const report = h.locator('[data-testid="report-preview"]');
    await report.getByText('【协商结果】东区路灯怎么办').waitFor();
    await report.getByText('未达法定人数', { exact: false }).first().waitFor();
    await button(report, '发布这条公告').click();
    expect(await answerDialog(host.page, '发布结果公示？', 'cancel')).toContain('不能撤回');
    expect((await get(c.id)).reportNoticeId).toBeNull();
    await button(report, '发布这条公告').click();
    await answerDialog(host.page, '发布结果公示？', 'confirm');
    await h.locator('[data-testid="report-published"]').waitFor();

    // The 结果公示 carries 查看结果, which opens the consultation.
    const reportId = (await get(c.id)).reportNoticeId!;
    const notice = await dataAs<NoticeView>(RESIDENT, 'notice', 'get', { id: reportId });
    expect(notice.source).toEqual({ module: 'consultation', id: c.id, label: '查看结果' });
    // A fresh phone: re-addressing a page already open in this one (the 协商公告) would keep showing that notice.
    const reader = await openPhone(browser, { openid: 'demo-resident-3' });
    v = await gotoRoute(reader.page, `/packages/notice/detail/index?id=${reportId}`);
    await v.getByText('【协商结果】东区路灯怎么办').waitFor();
    await screenshot(reader.page, 'confirm-report-notice-button');
    await button(v, '查看结果').click();
    await reader.page.locator(`.taro_page:visible [data-testid="consultation"][data-step="6"]`).waitFor();
    await currentPage(reader.page).locator('[data-testid="now-text"]', { hasText: '情况已经公示' }).waitFor();
    await reader.context.close();
  } finally {
    await host.context.close();
    await resident.context.close();
  }
}, 240_000);

test('cancelling asks once, in large text too: 再想想 leaves it running, 取消议事 cancels it', async () => {
  const c = await consultationAt('西区垃圾站', 2);
  const host = await openPhone(browser, { openid: HOST, largeText: true });
  try {
    const h = await openHost(host.page, c.id, 2);
    await button(h, '取消议事').click();
    await h.locator('[data-testid="cancel-form"] textarea').fill('街道已统一安排，无需再议');
    await h.locator('[data-testid="cancel-confirm"]').click();
    const title = host.page.locator('.taro-modal__title', { hasText: '取消这次议事？' });
    await title.waitFor();
    // The dialog grows with the text: its question is at least as large as body text in large mode.
    expect(await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    await screenshot(host.page, 'confirm-cancel-large');
    expect(await answerDialog(host.page, '取消这次议事？', 'cancel')).toContain('取消后不能恢复');
    expect((await get(c.id)).state).toBe('active');
    await h.locator('[data-testid="cancel-confirm"]').click();
    await answerDialog(host.page, '取消这次议事？', 'confirm');
    await h.locator('[data-testid="state-banner"]', { hasText: '已取消' }).waitFor();
    expect((await get(c.id)).state).toBe('cancelled');
  } finally {
    await host.context.close();
  }
}, 120_000);

test('no dead ends: a visitor in an empty-handed pool is shown how to take part; a host with nothing hosted can start one; nobody 附议s their own opinion', async () => {
  const visitor = await openPhone(browser);
  const staff = await openPhone(browser, { openid: 'demo-staff-heping' });
  const author = await openPhone(browser, { openid: 'demo-resident-heping' });
  try {
    let v = await gotoRoute(visitor.page, '/packages/consultation/opinions/index?communityId=c_heping');
    const join = v.locator('[data-testid="how-to-join"]');
    await join.getByText('第一步：登录').waitFor();
    await button(join, '去登录').waitFor();
    await screenshot(visitor.page, 'pool-visitor-how-to-join');

    const s = await gotoRoute(staff.page, '/packages/consultation/hosted/index');
    await button(s, '发起议事').click();
    await staff.page.locator('.taro_page:visible .page-title', { hasText: '发起议事' }).waitFor();

    await dataAs('demo-resident-heping', 'consultation', 'submitOpinion', { communityId: 'c_heping', title: '希望社区办一次防诈骗讲座', description: '老人常接到诈骗电话。', category: '其他' });
    v = await gotoRoute(author.page, '/packages/consultation/opinions/index?communityId=c_heping');
    const mine = v.locator('.cs-opinion', { hasText: '防诈骗讲座' });
    await mine.locator('[data-testid="support-count"]').waitFor();
    expect(await mine.locator('[data-testid="support"]').count()).toBe(0);
  } finally {
    for (const p of [visitor, staff, author]) await p.context.close();
  }
}, 120_000);
