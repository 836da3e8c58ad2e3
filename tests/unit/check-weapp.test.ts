/**
 * `npm run check:weapp` on a small weapp build made here, first as WeChat would load it, then with one thing
 * broken at a time. The real wcsc and wcc binaries run.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkWeapp, type Problem } from '../../scripts/check-weapp';
import { readRules } from '../../scripts/check-weapp/styles';

const ICON = resolve(__dirname, '../../miniprogram/src/assets/tab/home.png');
let dir: string;

function write(file: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

const APP_JSON = {
  pages: ['pages/home/index'],
  subPackages: [{ root: 'packages/notice', pages: ['detail/index'] }],
  tabBar: { list: [{ pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/home.png', selectedIconPath: 'assets/home.png' }] },
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-weapp-'));
  write('app.json', JSON.stringify(APP_JSON));
  write('sitemap.json', '{"rules":[]}');
  write('app.js', 'require("./common");initPxTransform({designWidth:function(e){var n=e?e.file:void 0;return n&&-1!==String(n).indexOf("@nutui")?375:750},deviceRatio:{}});\n');
  write('common.js', 'var a = { b: 1 };\nmodule.exports = a && a.b;\n');
  write('app.wxss', '@import "./common.wxss";\n.gz-page{color:#1a1a1a}\n');
  write('common.wxss', '.gz-row{display:flex;gap:16rpx}\n@supports not (translate:0){.gz-row{gap:0}.gz-row > view{margin-right:16rpx}}\n');
  for (const page of ['pages/home/index', 'packages/notice/detail/index']) {
    write(`${page}.js`, 'Page({});\n');
    write(`${page}.json`, '{}');
    write(`${page}.wxml`, '<view class="gz-page"><text>{{title}}</text></view>\n');
    write(`${page}.wxss`, '.title{font-size:36rpx}\n');
  }
  mkdirSync(join(dir, 'assets'));
  copyFileSync(ICON, join(dir, 'assets/home.png'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const only = (check: string) => checkWeapp(dir).filter((p) => p.check === check);
const summary = (ps: Problem[]) => ps.map((p) => `${p.file}:${p.line ?? ''}:${p.column ?? ''} ${p.message}`);

test('a build WeChat loads has no problems', () => {
  expect(summary(checkWeapp(dir))).toEqual([]);
});

test('a `*` selector fails wcsc, named with its file and position', () => {
  write('packages/notice/sub-vendors.wxss', '.cs-card{padding:8rpx}\n.cs-actions > *{flex:1}\n');
  const problems = only('wcsc');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: 'packages/notice/sub-vendors.wxss', line: 2, column: 15 });
  expect(problems[0].message).toContain('*');
});

test('a template WeChat cannot parse fails wcc, named with its file and line', () => {
  write('pages/home/index.wxml', '<view>\n<text>hi</view>\n');
  expect(only('wcc')).toEqual([expect.objectContaining({ file: 'pages/home/index.wxml', line: 2 })]);
});

test('an optional chain in a bundle is newer than ES5, named with its file and position', () => {
  write('vendors.js', 'var x = {};\nvar y = x?.z;\n');
  expect(only('ES5')).toEqual([expect.objectContaining({ file: 'vendors.js', line: 2, column: 11 })]);
});

test('const and arrow functions are caught too', () => {
  write('vendors.js', 'const f = () => 1;\n');
  expect(only('ES5').map((p) => p.file)).toEqual(['vendors.js']);
});

test('a designWidth copied into app.js that needs a missing helper is caught', () => {
  write('app.js', 'initPxTransform({designWidth:function(e){var n="object"===_type_of(e)&&e.file?e.file:"";return n.indexOf("@nutui")>-1?375:750},deviceRatio:{}});\n');
  const problems = only('designWidth');
  expect(problems).toHaveLength(1);
  expect(problems[0].message).toContain('_type_of');
});

test('a flex gap without the margin fallback is caught; with it, or on a grid, it is fine', () => {
  write('pages/home/index.wxss', '.list{display:flex;flex-direction:column;gap:20rpx}\n.grid{display:grid;gap:8rpx}\n');
  expect(only('flex-gap')).toEqual([expect.objectContaining({ file: 'pages/home/index.wxss', line: 1 })]);
  write('pages/home/index.wxss', '.list{display:flex;gap:20rpx}\n@supports not (translate: 0){.list{gap:0}.list > view{margin-bottom:20rpx}}\n');
  expect(only('flex-gap')).toEqual([]);
});

test('app.json: a missing page file, a tab page in a subpackage, a subpackage root that is not there', () => {
  rmSync(join(dir, 'packages/notice/detail/index.wxml'));
  write('app.json', JSON.stringify({ ...APP_JSON, subPackages: [...APP_JSON.subPackages, { root: 'packages/wish', pages: ['index'] }], tabBar: { list: [{ pagePath: 'packages/notice/detail/index', text: '公告' }] } }));
  const messages = only('app.json').concat(only('tabBar')).map((p) => p.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      'page packages/notice/detail/index has no packages/notice/detail/index.wxml',
      'subpackage root packages/wish does not exist',
      'tab page packages/notice/detail/index must be a page of the main package',
    ]),
  );
});

test('tab icons must be PNG files of at most 40 KiB', () => {
  write('assets/home.png', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(41 * 1024)]));
  expect(only('tabBar').map((p) => p.message)).toEqual(['tab icon is not a PNG', "tab icon is 41.0 KiB, over WeChat's 40 KiB", 'tab icon is not a PNG', "tab icon is 41.0 KiB, over WeChat's 40 KiB"]);
});

test('a package over 2 MB is named', () => {
  write('packages/notice/big.js', `var s = "${'x'.repeat(2 * 1024 * 1024)}";\n`);
  expect(only('size')).toEqual([expect.objectContaining({ file: 'packages/notice' })]);
});

test('the stylesheet reader sees rules inside @supports and skips @keyframes bodies', () => {
  const rules = readRules('@keyframes spin{to{transform:rotate(360deg)}}.a{gap:4rpx}@supports not (translate:0){.a{gap:0}}');
  expect(rules.map((r) => [r.selector, r.context.join('|')])).toEqual([
    ['.a', ''],
    ['.a', '@supports not (translate:0)'],
  ]);
});
