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

/**
 * A patch the database would refuse: a dotted path through null, a scalar or an array, `inc` on a field that
 * holds null or a non-number, or two paths where one contains the other. A programming error, never bad input:
 * SQLite and the memory store throw it so that they cannot accept what CloudBase refuses.
 */
export class PatchError extends TypeError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`patch refused at ${path}: ${reason}`);
    this.name = 'PatchError';
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkOverlap(paths: string[]): void {
  for (const a of paths) {
    const clash = paths.find((b) => b !== a && b.startsWith(`${a}.`));
    if (clash) throw new PatchError(clash, `conflicts with ${a} in the same patch`);
  }
}

/** The object that holds the last key of `keys`; missing parents are created, null or a scalar refuses the patch. */
function parentFor(doc: Record<string, unknown>, keys: string[], path: string): Record<string, unknown> {
  let parent = doc;
  for (const key of keys) {
    if (!own(parent, key)) parent[key] = {};
    else if (!isPlainObject(parent[key])) throw new PatchError(path, `${key} is ${kindOf(parent[key])}, not an object`);
    parent = parent[key] as Record<string, unknown>;
  }
  return parent;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** Removing through a missing step or a scalar removes nothing, as on CloudBase. */
function unsetPath(doc: Record<string, unknown>, keys: string[], last: string): void {
  let parent: unknown = doc;
  for (const key of keys) {
    if (!isPlainObject(parent) || !own(parent, key)) return;
    parent = parent[key];
  }
  if (isPlainObject(parent)) delete parent[last];
}

/** Applies a patch to a copy of the document, refusing (PatchError) what CloudBase refuses. */
export function applyPatch<T extends Doc>(doc: T, patch: Patch): T {
  const next = structuredClone(doc) as Record<string, unknown>;
  checkOverlap(Object.keys(patch));
  for (const [path, change] of Object.entries(patch)) {
    const keys = path.split('.');
    // `a.__proto__.x` would write into Object.prototype (patch keys may carry ids that came from a request).
    if (keys.includes('__proto__')) throw new TypeError(`bad field path: ${path}`);
    const last = keys.pop() as string;
    if (change instanceof Unset) {
      unsetPath(next, keys, last);
      continue;
    }
    const parent = parentFor(next, keys, path);
    if (change instanceof Increment) {
      const current = own(parent, last) ? parent[last] : 0;
      if (typeof current !== 'number') throw new PatchError(path, `inc on ${kindOf(current)}`);
      parent[last] = current + change.by;
    } else parent[last] = change === undefined ? null : structuredClone(change);
  }
  return next as T;
}
