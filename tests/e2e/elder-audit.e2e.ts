/**
 * 长辈版 (适老化): every page of app.config.ts, at the standard size and at the largest step (特大字, 30 px body text),
 * through axe-core and our own measures of MIIT's figures (support/elder-audit.ts). One browser, one context per
 * size; each page is loaded afresh, signed in as the person its visit names (support/page-visits.ts). At the
 * largest step each page is saved whole as `elder-<page>.png` to look at.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage, describeFailures, type Figures } from './support/elder-audit';
import { appPages, makeFixtures, PAGE_VISITS, visitFor, type Fixtures } from './support/page-visits';
import { baseUrl, launchBrowser, PHONE, SCREENSHOT_DIR, tokenFor } from './support';

const SIZES: { stored: string; figures: Figures }[] = [
  { stored: 'off', figures: { size: '标准', minFontPx: 12, minTapPx: 44, minPrimaryPx: 44 } },
  { stored: 'xlarge', figures: { size: '特大字', minFontPx: 18, minTapPx: 44, minPrimaryPx: 60 } },
];

/** Grouped by who opens them, so the app restarts only when the person changes. */
const PAGES = appPages().sort((a, b) => (PAGE_VISITS[a]?.as ?? '').localeCompare(PAGE_VISITS[b]?.as ?? ''));

let browser: Browser;
let fixtures: Fixtures;
beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = await makeFixtures();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens a page as the person its visit names. A new person (or the first page) signs in through storage, in
 * Taro's format, on a plain address of the app's origin and restarts the app (the session is read at start); the
 * next pages of the same person are reached by the address bar's hash, as a link would, which keeps axe-core and
 * the app loaded.
 */
async function open(page: Page, path: string, stored: string, state: { as?: string | null }): Promise<void> {
  const visit = visitFor(path);
  const route = `/${path}${visit.query?.(fixtures) ?? ''}`;
  const who = visit.as ?? '';
  if (state.as !== who) {
    const session = visit.as ? JSON.stringify({ data: { token: await tokenFor(visit.as), openid: visit.as } }) : null;
    await page.goto(`${baseUrl()}/api/dev/accounts`);
    await page.evaluate(
      ({ session, size }) => {
        localStorage.clear();
        if (session) localStorage.setItem('gz.session', session);
        localStorage.setItem('gz.largeText', JSON.stringify({ data: size }));
      },
      { session, size: stored },
    );
    await page.goto(`${baseUrl()}/#${route}`);
    state.as = who;
  } else {
    await page.evaluate((r) => {
      location.hash = `#${r}`;
    }, route);
  }
  const view = page.locator(`.taro_page[id^="/${path}"]:visible`);
  await view.locator('.page-title').first().waitFor({ state: 'visible' });
  // Loaded: no spinner left, and every transition over (the spinner's own turning never ends).
  await page.waitForFunction(() => !document.querySelector('.taro_page [aria-busy="true"]') && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  // The page under audit is the one on screen: the pages Taro keeps below it are hidden by now.
  await page.waitForFunction((p) => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((e) => e.checkVisibility());
    return shown.length === 1 && shown[0].id.startsWith(p);
  }, `/${path}`);
  const failed = await view.locator('.gz-state--error').count();
  if (failed) throw new Error(`${path} 打开后显示错误：${await view.locator('.gz-state--error').first().innerText()}（检查 page-visits.ts 给它的账号和参数）`);
}

/**
 * The whole page in one picture: Taro's H5 page scrolls inside its own element, which a full-page screenshot does
 * not follow, so the window is made as tall as the page for the moment (at most 6,000 px).
 */
async function screenshotWhole(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const height = await page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.checkVisibility());
    return Math.max(shown[shown.length - 1]?.scrollHeight ?? 0, document.documentElement.scrollHeight);
  });
  await page.setViewportSize({ width: PHONE.width, height: Math.min(Math.max(height, PHONE.height), 6000) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  await page.setViewportSize(PHONE);
}

/** A page that breaks each figure once, to show the audit sees each kind of failure (and so can fail). */
const BROKEN_PAGE = `<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no"></head>
<body><div class="taro_page" style="font-size:18px;line-height:1.6">
  <p style="font-size:12px">小字说明</p>
  <p style="width:100px;line-height:1.1">行距太紧的一段文字会换成好几行</p>
  <div role="button" style="width:30px;height:30px">点</div>
  <div role="button" class="nut-button nut-button-primary" style="height:50px;background:#c8102e;color:#fff">提交</div>
  <div style="background-image:linear-gradient(90deg,#ffadbe,#ffadbe);color:#fff">浅粉底上的白字</div>
  <div style="width:60px;overflow:hidden;white-space:nowrap">很长很长很长的标题</div>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
  <style>.pale::placeholder { color: #bbbbbb; }</style>
  <input class="pale" placeholder="请输入楼栋" aria-label="楼栋" style="height:48px;width:200px">
  <input placeholder="例如：想要一台收音机听戏，或者请人陪我去医院" aria-label="心愿" style="height:48px;width:200px">
  <div style="width:600px;height:10px"></div>
</div></body></html>`;

test('the audit finds each kind of failure on a page made to break them', async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.setContent(BROKEN_PAGE);
  const failures = await auditPage(page, SIZES[1].figures);
  await context.close();
  const checks = new Set(failures.map((f) => f.check));
  for (const check of ['字号', '行高', '点按区域', '主要按钮大小', '对比度', '文字被截断', '横向溢出', '页面语言', '禁止缩放', '提示文字对比度', '提示文字被截断', 'axe image-alt']) expect(checks).toContain(check);
  expect(failures.find((f) => f.check === '字号')).toEqual({ check: '字号', text: '小字说明', figure: '12.0px，应不小于18px' });
});

describe.each(SIZES)('长辈版检查：$figures.size', ({ stored, figures }) => {
  let context: BrowserContext;
  let page: Page;
  const signedIn: { as?: string | null } = { as: null };
  beforeAll(async () => {
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
  });
  afterAll(async () => {
    await context?.close();
  });

  test.each(PAGES)('%s', async (path) => {
    await open(page, path, stored, signedIn);
    const failures = await auditPage(page, figures);
    if (stored === 'xlarge') await screenshotWhole(page, `elder-${path.replace(/\/index$/, '').replace(/\//g, '-')}`);
    if (failures.length) throw new Error(`${failures.length} 处不符合长辈版要求：\n${describeFailures(path, figures, failures)}`);
  });
});
