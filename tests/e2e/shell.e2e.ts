import type { Browser, Locator, Page } from 'playwright-core';
import type { ConsultationView } from '@shared/contract';
import { baseUrl, button, currentPage, dataAs, gotoRoute, launchBrowser, openPhone, pageTransitionsDone, screenshot } from './support';

// The rules every page keeps (miniprogram/README.md, "Every page"), checked on real pages in Chromium.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OPINION_NEW = '/packages/consultation/opinion-new/index';
const opinionForm = `${OPINION_NEW}?communityId=c_xingfuli`;

/** The nav bar's control by its words (返回 / 首页). */
function navButton(view: Locator, words: string): Locator {
  return view.locator('.gz-navbar__btn', { hasText: words });
}

async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

async function waitForRoute(page: Page, path: string): Promise<Locator> {
  await page.waitForFunction((p) => location.hash.startsWith(`#${p}`), path);
  await page.locator(`.taro_page[id^="${path}"]:visible .page-title`).first().waitFor();
  await pageTransitionsDone(page);
  return currentPage(page);
}

test('a page opened by a link has 首页; one opened from the app has 返回, and both lead where they say', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-1' });
  const notices = await dataAs<{ items: { id: string }[] }>('demo-resident-1', 'notice', 'list', { communityId: 'c_xingfuli' });
  const id = notices.items[0].id;

  // Deep link: nothing below, so no 返回, and 首页 goes home.
  const deep = await gotoRoute(page, `/packages/notice/detail/index?id=${id}`);
  await expect(navButton(deep, '返回').count()).resolves.toBe(0);
  await navButton(deep, '首页').click();
  const home = await waitForRoute(page, '/pages/home/index');
  // Tab pages have the tab bar, not the nav bar.
  await expect(home.locator('.gz-navbar').count()).resolves.toBe(0);
  await expect(home.locator('.gz-tabbar').count()).resolves.toBe(1);

  // From the feed: 返回 brings the feed back.
  await home.locator('.notice-card').first().click();
  const detail = await waitForRoute(page, '/packages/notice/detail/index');
  await screenshot(page, 'shell-navbar-back');
  await navButton(detail, '返回').click();
  await waitForRoute(page, '/pages/home/index');
  await context.close();
});

test('an unknown address shows 页面不存在 with a way home', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-1' });
  await page.goto(`${baseUrl()}/#/pages/nowhere/index?x=1`);
  const view = await waitForRoute(page, '/pages/not-found/index');
  await expect(view.locator('.page-title').textContent()).resolves.toBe('页面不存在');
  await screenshot(page, 'shell-not-found');
  await button(view, '回到首页').click();
  await waitForRoute(page, '/pages/home/index');
  await context.close();
});

test('a missing document reads 不存在或已删除 and offers the way back, never 重试', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-1' });
  const view = await gotoRoute(page, '/packages/notice/detail/index?id=n_gone_for_good');
  const state = view.locator('.gz-state--missing');
  await state.waitFor();
  await expect(state.textContent()).resolves.toContain('不存在或已删除');
  await expect(view.locator('.nut-button', { hasText: '重试' }).count()).resolves.toBe(0);
  await button(state, '回到首页').click();
  await waitForRoute(page, '/pages/home/index');
  await context.close();
});

test('in large text, a refused form scrolls to the first red field and puts the cursor in it', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-1', largeText: true });
  const view = await gotoRoute(page, opinionForm);
  const submit = view.locator('[data-testid="opinion-submit"]');
  await submit.scrollIntoViewIfNeeded();
  const titleField = view.locator('[data-field="title"]');
  // The form is longer than the phone in large text: the title is out of sight when the button is tapped.
  await expect(inViewport(titleField)).resolves.toBe(false);
  await submit.click();
  await titleField.locator('.gz-field__error').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[data-field="title"]') !== null);
  await expect(inViewport(titleField.locator('.gz-field__error'))).resolves.toBe(true);
  await expect(inViewport(titleField.locator('input'))).resolves.toBe(true);
  // The toast says the words themselves, not "请按红字提示…".
  await expect(page.getByText('请按红字提示').count()).resolves.toBe(0);
  await screenshot(page, 'shell-scroll-to-error-large');
  await context.close();
});

test('a text box shows its count and limit, and keeps an over-long paste with a red message', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-1' });
  const view = await gotoRoute(page, opinionForm);
  const title = view.locator('[data-field="title"]');
  await expect(title.locator('.gz-counter').textContent()).resolves.toContain('0/40');
  await expect(title.locator('.gz-counter').textContent()).resolves.toContain('最多40字');

  await title.locator('input').fill('晚上车位不够');
  await expect(title.locator('.gz-counter__count').textContent()).resolves.toBe('6/40');

  const pasted = '小区晚上八点以后车位严重不足，'.repeat(3); // 45 characters
  await title.locator('input').fill(pasted);
  await expect(title.locator('input').inputValue()).resolves.toBe(pasted);
  await expect(title.locator('.gz-counter__count').textContent()).resolves.toBe('45/40');
  await expect(title.locator('.gz-counter__over').textContent()).resolves.toContain('超出5字');
  await screenshot(page, 'shell-length-counter');

  // Sending says the same, and nothing is cut.
  await view.locator('[data-testid="opinion-submit"]').click();
  await title.locator('.gz-field__error').waitFor();
  await expect(title.locator('.gz-field__error').textContent()).resolves.toContain('不能超过40个字');
  await expect(title.locator('input').inputValue()).resolves.toBe(pasted);
  await context.close();
});

test('leaving with unsent text asks first, and the text comes back after a reload as a restored draft', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-2' });
  const view = await gotoRoute(page, opinionForm);
  await view.locator('[data-field="title"] input').fill('垃圾桶不够用');
  await view.locator('[data-field="description"] textarea').fill('三号楼门口的垃圾桶每天傍晚就满了。');

  // 首页 in the bar asks; 继续填写 stays with the text.
  await navButton(view, '首页').click();
  const modal = page.locator('.taro__modal');
  await modal.locator('.taro-modal__title', { hasText: '还没有提交' }).waitFor();
  await modal.locator('.taro-model__cancel').click();
  await expect(view.locator('[data-field="title"] input').inputValue()).resolves.toBe('垃圾桶不够用');

  // A reload asks through the browser's own prompt (beforeunload); going ahead, the draft is restored.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.waitForTimeout(700); // the draft is written 0.4 s after the last keystroke
  await page.reload();
  expect(dialogs).toContain('beforeunload');
  const again = await waitForRoute(page, OPINION_NEW);
  await again.getByText('已恢复未发送的草稿').waitFor();
  await expect(again.locator('[data-field="title"] input').inputValue()).resolves.toBe('垃圾桶不够用');
  await expect(again.locator('[data-field="description"] textarea').inputValue()).resolves.toBe('三号楼门口的垃圾桶每天傍晚就满了。');
  await screenshot(page, 'shell-draft-restored');

  // Sent: the draft is gone, and leaving asks nothing.
  await again.locator('.gz-choice', { hasText: '环境卫生' }).click();
  await again.locator('[data-testid="opinion-submit"]').click();
  await page.getByText('意见已提交').waitFor();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('gz.draft.')))).toEqual([]);
  await context.close();
});

test('the tab bar labels are at least 14 px, and larger in large text', async () => {
  const sizes: number[] = [];
  for (const largeText of [false, true]) {
    const { page, context } = await openPhone(browser, { openid: 'demo-resident-1', largeText });
    const home = await gotoRoute(page, '/pages/home/index');
    const label = home.locator('.gz-tabbar__label', { hasText: '议事' });
    sizes.push(await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)));
    if (largeText) await screenshot(page, 'shell-tabbar-large');
    // It switches tabs.
    await label.click();
    await waitForRoute(page, '/pages/consult/index');
    await context.close();
  }
  expect(sizes[0]).toBeGreaterThanOrEqual(14);
  expect(sizes[1]).toBeGreaterThanOrEqual(sizes[0] * 1.3);
});

test('a long button label wraps and is never cut, at either text size', async () => {
  const now = Date.now();
  const c = await dataAs<ConsultationView>('demo-host', 'consultation', 'create', { communityId: 'c_xingfuli', theme: '小区绿化带改停车位', collectFrom: now - 60_000, collectTo: now + 86_400_000 });
  for (const largeText of [false, true]) {
    const { page, context } = await openPhone(browser, { openid: 'demo-host', largeText });
    const view = await gotoRoute(page, `/packages/consultation/host/index?id=${c.id}`);
    await view.locator('[data-testid="close-collection"]').click();
    const confirm = button(view, '确认提前结束收集');
    await confirm.scrollIntoViewIfNeeded();
    const fit = await confirm.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return { scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, inside: text.top >= box.top - 0.5 && text.bottom <= box.bottom + 0.5 && text.left >= box.left - 0.5 && text.right <= box.right + 0.5 };
    });
    expect(fit.scrollHeight).toBeLessThanOrEqual(fit.clientHeight);
    expect(fit.inside).toBe(true);
    await screenshot(page, `shell-long-button${largeText ? '-large' : ''}`);
    await context.close();
  }
});
