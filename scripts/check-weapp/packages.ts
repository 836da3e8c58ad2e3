import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MB = 1024 * 1024;
/** WeChat's caps: each package, main or sub, and everything together. */
export const PACKAGE_CAP = 2 * MB;
export const TOTAL_CAP = 20 * MB;

export interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages?: string[] }[];
  subpackages?: { root: string; pages?: string[] }[];
  tabBar?: { custom?: boolean; list?: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] };
  sitemapLocation?: string;
  lazyCodeLoading?: string;
}

export interface WeappPackage {
  /** `main`, or the subpackage root. */
  name: string;
  files: string[];
  bytes: number;
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string, sub = ''): string[] {
  const here = join(dir, sub);
  if (!existsSync(here)) return [];
  return readdirSync(here, { withFileTypes: true }).flatMap((e) => {
    const path = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, path) : [path];
  });
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
}

export function subpackageRoots(app: AppJson): string[] {
  return (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
}

/** The build split as WeChat counts it: files under a subpackage root belong to it, the rest to the main package. */
export function weappPackages(dir: string): WeappPackage[] {
  const roots = subpackageRoots(readAppJson(dir));
  const all = listFiles(dir);
  const owner = (f: string) => roots.find((r) => f.startsWith(`${r}/`)) ?? 'main';
  return ['main', ...roots].map((name) => {
    const files = all.filter((f) => owner(f) === name);
    return { name, files, bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0) };
  });
}

export function relativeTo(dir: string, file: string): string {
  return relative(dir, file).replace(/\\/g, '/');
}
