import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_CAP, TOTAL_CAP, readAppJson, subpackageRoots, weappPackages, type AppJson } from './packages';
import type { Problem } from './problem';

const ICON_CAP = 40 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** What WeChat checks in app.json before anything runs, and the package caps. */
export function checkAppJson(dir: string): Problem[] {
  let app: AppJson;
  try {
    app = readAppJson(dir);
  } catch (error) {
    return [{ check: 'app.json', file: 'app.json', message: `unreadable: ${(error as Error).message}` }];
  }
  return [...pageFiles(dir, app), ...tabBar(dir, app), ...extras(dir, app), ...sizes(dir)];
}

function pageFiles(dir: string, app: AppJson): Problem[] {
  const problems: Problem[] = [];
  const pages = [
    ...(app.pages ?? []),
    ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => {
      if (!existsSync(join(dir, s.root))) problems.push({ check: 'app.json', file: 'app.json', message: `subpackage root ${s.root} does not exist` });
      return (s.pages ?? []).map((p) => `${s.root.replace(/\/$/, '')}/${p}`);
    }),
  ];
  for (const page of pages) {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!existsSync(join(dir, page + ext))) problems.push({ check: 'app.json', file: 'app.json', message: `page ${page} has no ${page}${ext}` });
    }
  }
  return problems;
}

function tabBar(dir: string, app: AppJson): Problem[] {
  const problems: Problem[] = [];
  const roots = subpackageRoots(app);
  for (const item of app.tabBar?.list ?? []) {
    if (!(app.pages ?? []).includes(item.pagePath) || roots.some((r) => item.pagePath.startsWith(`${r}/`))) {
      problems.push({ check: 'tabBar', file: 'app.json', message: `tab page ${item.pagePath} must be a page of the main package` });
    }
    for (const icon of [item.iconPath, item.selectedIconPath].filter((i): i is string => Boolean(i))) {
      const path = join(dir, icon);
      if (!existsSync(path)) {
        problems.push({ check: 'tabBar', file: icon, message: 'tab icon is missing' });
        continue;
      }
      if (!readFileSync(path).subarray(0, 8).equals(PNG_MAGIC)) problems.push({ check: 'tabBar', file: icon, message: 'tab icon is not a PNG' });
      const size = statSync(path).size;
      if (size > ICON_CAP) problems.push({ check: 'tabBar', file: icon, message: `tab icon is ${kib(size)}, over WeChat's 40 KiB` });
    }
  }
  return problems;
}

function extras(dir: string, app: AppJson): Problem[] {
  const problems: Problem[] = [];
  if (app.sitemapLocation && !existsSync(join(dir, app.sitemapLocation))) {
    problems.push({ check: 'app.json', file: app.sitemapLocation, message: 'sitemapLocation names a file the build does not have' });
  }
  if (app.lazyCodeLoading !== 'requiredComponents') {
    problems.push({ check: 'app.json', file: 'app.json', message: 'lazyCodeLoading should be "requiredComponents"' });
  }
  return problems;
}

function sizes(dir: string): Problem[] {
  const packages = weappPackages(dir);
  const problems: Problem[] = packages
    .filter((p) => p.bytes > PACKAGE_CAP)
    .map((p) => ({ check: 'size', file: p.name, message: `package is ${kib(p.bytes)}, over WeChat's 2 MB` }));
  const total = packages.reduce((n, p) => n + p.bytes, 0);
  if (total > TOTAL_CAP) problems.push({ check: 'size', file: '(all)', message: `all packages are ${kib(total)}, over WeChat's 20 MB` });
  return problems;
}
