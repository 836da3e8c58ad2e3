import { Increment, Unset, type Condition, type Doc, type Filter, type Patch, type Scalar } from './port';

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Reads a dotted path; `undefined` when any step is missing. Only a document's own fields count, not `toString`. */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !own(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isRange(c: object): c is { gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string } {
  return 'gt' in c || 'gte' in c || 'lt' in c || 'lte' in c;
}

function same(a: unknown, b: Scalar): boolean {
  return b === null ? a === null || a === undefined : a === b;
}

export function matchesCondition(value: unknown, condition: Condition): boolean {
  if (condition === null || typeof condition !== 'object') return same(value, condition);
  if ('in' in condition) return condition.in.some((c) => same(value, c));
  if ('ne' in condition) return !same(value, condition.ne);
  if (isRange(condition)) {
    if (typeof value !== 'number' && typeof value !== 'string') return false;
    const { gt, gte, lt, lte } = condition;
    return (
      (gt === undefined || value > gt) &&
      (gte === undefined || value >= gte) &&
      (lt === undefined || value < lt) &&
      (lte === undefined || value <= lte)
    );
  }
  throw new TypeError('unknown condition');
}

export function matches(doc: unknown, filter: Filter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([path, c]) => matchesCondition(getPath(doc, path), c));
}

/** Applies a patch to a copy of the document. */
export function applyPatch<T extends Doc>(doc: T, patch: Patch): T {
  const next = structuredClone(doc) as Record<string, unknown>;
  for (const [path, change] of Object.entries(patch)) {
    const keys = path.split('.');
    // `a.__proto__.x` would write into Object.prototype (patch keys may carry ids that came from a request).
    if (keys.includes('__proto__')) throw new TypeError(`bad field path: ${path}`);
    const last = keys.pop() as string;
    let parent = next;
    for (const key of keys) {
      if (!own(parent, key) || parent[key] === null || typeof parent[key] !== 'object') parent[key] = {};
      parent = parent[key] as Record<string, unknown>;
    }
    if (change instanceof Unset) delete parent[last];
    else if (change instanceof Increment) parent[last] = (typeof parent[last] === 'number' ? (parent[last] as number) : 0) + change.by;
    else parent[last] = change === undefined ? null : structuredClone(change);
  }
  return next as T;
}
