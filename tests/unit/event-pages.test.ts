import { MODULES } from '../../shared/modules';
import { moduleLinkUrl } from '../../miniprogram/src/services/links';

// A WeChat reminder opens the page its event names, and an inbox message the page its link names: a page missing
// from app.config.ts fails here, not on a phone as 页面不存在.

type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] };

/** Every page of the weapp build (TARO_ENV is not h5 here, so the H5-only sign-in page is left out, as there). */
let weapp: string[] = [];
beforeAll(async () => {
  (globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  const config = (await import('../../miniprogram/src/app.config')).default as AppConfig;
  weapp = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
});

/** Event data where every field reads as an id or a time, whatever the event asks for. */
const anyData = new Proxy({}, { get: (_t, key) => (key === 'startAt' || key === 'holdUntil' ? 0 : `x_${String(key)}`) }) as never;

const events = MODULES.flatMap((m) => (m.events ?? []).map((e) => [e.type, e] as const));

test('the modules declare events to check', () => {
  expect(events.length).toBeGreaterThan(10);
});

test.each(events)('%s opens a page the weapp build has', (_type, event) => {
  expect(weapp).toContain(event.template.page(anyData).split('?')[0]);
});

test.each(events)('%s links its inbox message to a page the weapp build has, or to none', (_type, event) => {
  const url = moduleLinkUrl(event.link(anyData));
  if (url) expect(weapp).toContain(url.split('?')[0].replace(/^\//, ''));
});
