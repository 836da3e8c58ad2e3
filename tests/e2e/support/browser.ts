import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { baseUrl, tokenFor } from './cloud';
import { SCREENSHOT_DIR } from './paths';

export const PHONE = { width: 375, height: 812 };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface PhoneOptions {
  /** Signed in as this openid (through the local cloud's demo sign-in), or a visitor with no session. */
  openid?: string;
  largeText?: boolean;
}

/**
 * A phone-sized page. The session and text size go into storage in Taro's own format before the app boots,
 * as the sign-in page and the 我的 switch would leave them.
 */
export async function openPhone(browser: Browser, options: PhoneOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const storage: Record<string, string> = {};
  if (options.openid) storage['gz.session'] = JSON.stringify({ data: { token: await tokenFor(options.openid), openid: options.openid } });
  if (options.largeText !== undefined) storage['gz.largeText'] = JSON.stringify({ data: options.largeText ? 'on' : 'off' });
  await context.addInitScript((items: Record<string, string>) => {
    // Only on first load of this context, so a sign-out inside the test sticks.
    if (sessionStorage.getItem('gz.e2e.seeded')) return;
    sessionStorage.setItem('gz.e2e.seeded', '1');
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, storage);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`[page error] ${error.message}`));
  return { context, page };
}

/** Opens a route (`/pages/home/index`, with a query if needed) and waits for its page to show. */
export async function gotoRoute(page: Page, route: string): Promise<Locator> {
  await page.goto(`${baseUrl()}/#${route}`);
  // Until the router has acted on the new address the page on top is still the previous one, title and all;
  // Taro names each page's element after its path.
  const path = route.split('?')[0];
  await page.locator(`.taro_page[id^="${path}"]:visible .page-title`).first().waitFor({ state: 'visible' });
  await pageTransitionsDone(page);
  return currentPage(page);
}

/**
 * A page being left (the notice detail, when a tab page is opened over it) slides out over Taro's 300 ms
 * transition, above the new page, and takes any tap or hit test there until it has gone.
 */
export async function pageTransitionsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a.effect instanceof KeyframeEffect && a.effect.target instanceof Element && a.effect.target.classList.contains('taro_page'))),
  );
}

/**
 * The page on top of Taro's H5 page stack. Earlier pages (and tab pages) stay in the DOM hidden, so every
 * query goes through this.
 */
export function currentPage(page: Page): Locator {
  return page.locator('.taro_page:visible').last();
}

/** Waits out the 300 ms slide-in, then saves a phone-sized PNG under tests/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForTimeout(450);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Whether anything makes the page wider than the phone (text cut off at the right edge). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.scrollingElement?.scrollWidth ?? 0, innerWidth: window.innerWidth }));
}

/** Checks a control is on screen, at least 44 px tall (a finger, not a mouse), and not covered by anything. */
export async function expectTappable(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('控件不可见');
  if (box.height < 44) throw new Error(`控件高度 ${box.height}px，小于 44px`);
  if (box.x < 0 || box.x + box.width > PHONE.width + 0.5) throw new Error(`控件超出屏幕：x=${box.x} 宽=${box.width}`);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!top && (el === top || el.contains(top));
  });
  if (!hit) throw new Error('控件被其他元素遮挡');
}

/** A NutUI button by its words. Its ::before overlay takes the hits, so the button itself is what gets clicked. */
export function button(scope: Locator, text: string | RegExp): Locator {
  return scope.locator('.nut-button', { hasText: text }).first();
}

/** Taps a button and waits for the next page to slide in, when it opens one. */
export async function tap(scope: Locator, text: string | RegExp): Promise<void> {
  await button(scope, text).click();
}
