/**
 * The 长辈版 (适老化) audit of one page: axe-core's WCAG 2.1 A/AA rules, and our own measures of the figures MIIT's
 * 《移动互联网应用（APP）适老化通用设计规范》 sets (README, "长辈版: the figures"). Each failure names the page, the
 * element's words and the figure found.
 */
import type { Page } from 'playwright-core';

export interface Figures {
  /** 'standard' or 'xlarge': what the run calls the text size. */
  size: string;
  /** Smallest computed font size of visible text, in CSS px. */
  minFontPx: number;
  /** Smallest tap target, both ways. */
  minTapPx: number;
  /** Smallest height of a primary action (NutUI's primary buttons, `data-primary`). */
  minPrimaryPx: number;
}

export interface Failure {
  check: string;
  text: string;
  figure: string;
}

/** Lines with line height below this (line pitch over font size) are too tight: MIIT asks for at least 1.3. */
const MIN_LINE_HEIGHT = 1.3;

/**
 * axe-core, injected from node_modules (no network), over the whole document so the page-level rules (lang,
 * viewport) run too; hidden pages that Taro keeps in the DOM are skipped by axe itself. Only serious and critical
 * violations count, as the issue asks.
 */
async function runAxe(page: Page): Promise<{ failures: Failure[]; contrastToCheck: string[][] }> {
  // Parsing axe takes a second or two: once per loaded app, not per page.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    type AxeNode = { target: string[]; html: string; failureSummary?: string; any: { message: string }[] };
    type AxeResults = { violations: { id: string; impact: string; help: string; nodes: AxeNode[] }[]; incomplete: { id: string; nodes: AxeNode[] }[] };
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: {
        // Taro's H5 page is itself a scroll container (`.taro_page`, overflow auto) that holds the whole page; on a
        // phone it scrolls by touch, and no keyboard reaches a mini-program, so a focusable scroller means nothing here.
        'scrollable-region-focusable': { enabled: false },
      },
    });
    const words = (target: string[]) => {
      const el = document.querySelector(target[target.length - 1]) as HTMLElement | null;
      return (el?.innerText || el?.getAttribute('aria-label') || el?.getAttribute('alt') || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    };
    return {
      violations: r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => ({ check: `axe ${v.id}`, text: words(n.target) || n.html.slice(0, 60), figure: (n.any[0]?.message || n.failureSummary || v.help).replace(/\s+/g, ' ').slice(0, 160) }))),
      contrastToCheck: r.incomplete.filter((i) => i.id === 'color-contrast').flatMap((i) => i.nodes.map((n) => n.target)),
    };
  });
  return { failures: result.violations, contrastToCheck: result.contrastToCheck };
}

/** Our own measures, in the page: font sizes, line heights, tap targets, overflow, and contrast axe left undecided. */
function measure(args: { figures: Figures; contrastToCheck: string[][]; minLineHeight: number }): Failure[] {
  const { figures, contrastToCheck, minLineHeight } = args;
  const failures: Failure[] = [];
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.checkVisibility());
  const root = pages[pages.length - 1] ?? document.body;
  const words = (el: Element) =>
    ((el as HTMLElement).innerText || el.getAttribute('aria-label') || el.getAttribute('alt') || el.getAttribute('placeholder') || el.className.toString())
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 30);
  const seen = new Set<string>();
  const fail = (check: string, el: Element | string, figure: string) => {
    const text = typeof el === 'string' ? el : words(el);
    const key = `${check}|${text}|${figure}`;
    if (!seen.has(key)) failures.push({ check, text, figure });
    seen.add(key);
  };
  const visible = (el: Element) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  // Text: the font size of every visible run of words, and the line pitch of the ones that wrap.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || !visible(el)) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    if (size < figures.minFontPx - 0.05) fail('字号', el, `${size.toFixed(1)}px，应不小于${figures.minFontPx}px`);
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = Array.from(range.getClientRects())
      .filter((r) => r.width > 0)
      .map((r) => Math.round(r.top));
    const lines = Array.from(new Set(tops)).sort((a, b) => a - b);
    if (lines.length >= 2) {
      const pitch = (lines[lines.length - 1] - lines[0]) / (lines.length - 1);
      if (pitch / size < minLineHeight - 0.01) fail('行高', el, `${(pitch / size).toFixed(2)}倍字号，应不小于${minLineHeight}倍`);
    }
  }
  for (const box of Array.from(root.querySelectorAll('input, textarea'))) {
    const size = parseFloat(getComputedStyle(box).fontSize);
    if (visible(box) && size < figures.minFontPx - 0.05) fail('输入框字号', box, `${size.toFixed(1)}px，应不小于${figures.minFontPx}px`);
  }

  // Tap targets: everything marked tappable (a role, a NutUI button, a form control).
  const tappable = '[role="button"], [role="link"], [role="radio"], [role="switch"], [role="checkbox"], [role="tab"], button, a[href], .nut-button, input, textarea';
  for (const el of Array.from(root.querySelectorAll(tappable))) {
    if (!visible(el) || el.closest('[aria-hidden="true"]')) continue;
    // A NutUI button's inner <button>-less parts and Taro's wrappers count once, as the outer control.
    if (el.parentElement?.closest(tappable) && !el.matches('input, textarea')) continue;
    const r = el.getBoundingClientRect();
    const primary = el.matches('.nut-button-primary, [data-primary]');
    const least = primary ? figures.minPrimaryPx : figures.minTapPx;
    if (r.height < least - 0.5 || r.width < figures.minTapPx - 0.5) {
      fail(primary ? '主要按钮大小' : '点按区域', el, `${Math.round(r.width)}×${Math.round(r.height)}px，应不小于${primary ? `${figures.minTapPx}×${least}` : `${least}×${least}`}px`);
    }
    if (r.left < -0.5 || r.right > window.innerWidth + 0.5) fail('超出屏幕', el, `左${Math.round(r.left)} 右${Math.round(r.right)}，屏宽${window.innerWidth}px`);
  }

  // The page shell: Chinese, and zooming allowed (axe counts a blocked zoom only as moderate).
  if (!document.documentElement.lang.startsWith('zh')) fail('页面语言', '<html>', `lang="${document.documentElement.lang}"，应为 zh-CN`);
  const viewport = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '';
  if (/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?\b/.test(viewport)) fail('禁止缩放', '<meta name="viewport">', viewport);

  // Nothing wider than the phone, and no words cut off inside their box.
  const scroller = document.scrollingElement;
  if (scroller && scroller.scrollWidth > window.innerWidth + 1) fail('横向溢出', '整页', `页面宽${scroller.scrollWidth}px，屏宽${window.innerWidth}px`);
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    const ownWords = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (clips && ownWords && el.scrollWidth > el.clientWidth + 1) fail('文字被截断', el, `内容宽${el.scrollWidth}px，框宽${el.clientWidth}px`);
  }

  // Contrast axe could not decide (a gradient behind, an overlap): text colour against each colour behind it.
  const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const over = (top: number[], under: number[]) => {
    const a = top[3] ?? 1;
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a));
  };
  const backgrounds = (el: Element): number[][] => {
    let colours: number[][] = [[255, 255, 255]];
    const layers: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const stops = s.backgroundImage.match(/rgba?\([^)]*\)/g);
      if (stops) {
        layers.push(...stops.map((c) => `gradient:${c}`));
        break;
      }
      const c = rgba(s.backgroundColor);
      if ((c[3] ?? 1) > 0) layers.push(s.backgroundColor);
      if ((c[3] ?? 1) >= 1) break;
    }
    const gradient = layers.filter((l) => l.startsWith('gradient:')).map((l) => rgba(l.slice(9)));
    if (gradient.length) colours = gradient.map((g) => over(g, [255, 255, 255]));
    for (const layer of layers.filter((l) => !l.startsWith('gradient:')).reverse()) colours = colours.map((under) => over(rgba(layer), under));
    return colours;
  };
  const check = (name: string, el: Element, style: CSSStyleDeclaration) => {
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    for (const bg of backgrounds(el)) {
      const fg = over(rgba(style.color), bg);
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < need) fail(name, el, `${ratio.toFixed(2)}:1，应不小于${need}:1`);
    }
  };
  for (const target of contrastToCheck) {
    const el = document.querySelector(target[target.length - 1]);
    if (el && visible(el)) check('对比度', el, getComputedStyle(el));
  }
  // A one-line box cuts a hint longer than itself: the person never reads the end of it.
  const pen = document.createElement('canvas').getContext('2d');
  for (const box of Array.from(root.querySelectorAll<HTMLInputElement>('input[placeholder]'))) {
    const hint = box.getAttribute('placeholder')?.trim();
    if (!pen || !hint || box.value || !visible(box)) continue;
    const style = getComputedStyle(box);
    pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const needs = pen.measureText(hint).width;
    if (needs > room + 1) fail('提示文字被截断', box, `需要${Math.round(needs)}px，框内只有${Math.round(room)}px`);
  }
  // The hint inside an empty box is read too, and axe does not look at it.
  for (const box of Array.from(root.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
    if (visible(box) && box.getAttribute('placeholder')?.trim() && !(box as HTMLInputElement).value) check('提示文字对比度', box, getComputedStyle(box, '::placeholder'));
  }
  return failures;
}

export async function auditPage(page: Page, figures: Figures): Promise<Failure[]> {
  const axe = await runAxe(page);
  const own = await page.evaluate(measure, { figures, contrastToCheck: axe.contrastToCheck, minLineHeight: MIN_LINE_HEIGHT });
  return [...axe.failures, ...own];
}

/** One line per failure: size · page · check · “words” · figure. */
export function describeFailures(path: string, figures: Figures, failures: Failure[]): string {
  return failures.map((f) => `[${figures.size}] ${path} · ${f.check} · “${f.text}” · ${f.figure}`).join('\n');
}
