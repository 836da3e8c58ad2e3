import fc from 'fast-check';
import { applyPatch, getPath, matches, matchesCondition, PatchError } from '../../cloudfunctions/core/store/documents';
import { inc, Increment, unset, Unset, type Doc } from '../../cloudfunctions/core/store/port';

type D = Doc & Record<string, unknown>;

describe('getPath', () => {
  const doc = { _id: 'x', a: { b: { c: 1 }, n: null, s: 'str' }, tags: ['p', 'q'] };

  test('reads top-level fields and dotted paths', () => {
    expect(getPath(doc, '_id')).toBe('x');
    expect(getPath(doc, 'a.b.c')).toBe(1);
    expect(getPath(doc, 'a.b')).toEqual({ c: 1 });
    expect(getPath(doc, 'tags.1')).toBe('q');
  });

  test('a missing step, or a step through null or a scalar, reads as undefined', () => {
    expect(getPath(doc, 'zzz')).toBeUndefined();
    expect(getPath(doc, 'a.zzz.c')).toBeUndefined();
    expect(getPath(doc, 'a.n.c')).toBeUndefined();
    expect(getPath(doc, 'a.s.length')).toBeUndefined();
    expect(getPath(null, 'a')).toBeUndefined();
  });

  test('inherited properties are not fields', () => {
    expect(getPath(doc, 'toString')).toBeUndefined();
    expect(getPath(doc, 'constructor')).toBeUndefined();
    expect(getPath(doc, 'a.__proto__')).toBeUndefined();
  });
});

describe('matches', () => {
  test('a bare scalar is strict equality: no coercion between numbers, strings and booleans', () => {
    expect(matchesCondition(1, 1)).toBe(true);
    expect(matchesCondition('1', 1)).toBe(false);
    expect(matchesCondition(1, true)).toBe(false);
    expect(matchesCondition(0, false)).toBe(false);
    expect(matchesCondition(false, false)).toBe(true);
    expect(matchesCondition({ a: 1 }, 'x')).toBe(false);
  });

  test('null matches null and a missing field, but not other falsy values', () => {
    expect(matchesCondition(null, null)).toBe(true);
    expect(matchesCondition(undefined, null)).toBe(true);
    for (const v of [0, '', false, 'null', {}]) expect(matchesCondition(v, null)).toBe(false);
  });

  test('in matches any listed value; null in the list also matches a missing field; an empty list matches nothing', () => {
    expect(matchesCondition('b', { in: ['a', 'b'] })).toBe(true);
    expect(matchesCondition('c', { in: ['a', 'b'] })).toBe(false);
    expect(matchesCondition(undefined, { in: ['a', null] })).toBe(true);
    expect(matchesCondition(undefined, { in: ['a'] })).toBe(false);
    expect(matchesCondition(null, { in: [] })).toBe(false);
    expect(matchesCondition(1, { in: ['1', true] })).toBe(false);
  });

  test('ne keeps missing fields unless it is ne null, which means present and not null', () => {
    expect(matchesCondition(undefined, { ne: 'x' })).toBe(true);
    expect(matchesCondition('x', { ne: 'x' })).toBe(false);
    expect(matchesCondition(undefined, { ne: null })).toBe(false);
    expect(matchesCondition(null, { ne: null })).toBe(false);
    expect(matchesCondition(0, { ne: null })).toBe(true);
  });

  test('range bounds: gt/lt exclusive, gte/lte inclusive, combinable', () => {
    expect(matchesCondition(5, { gt: 5 })).toBe(false);
    expect(matchesCondition(5, { gte: 5 })).toBe(true);
    expect(matchesCondition(5, { lt: 5 })).toBe(false);
    expect(matchesCondition(5, { lte: 5 })).toBe(true);
    expect(matchesCondition(5, { gt: 1, lt: 10 })).toBe(true);
    expect(matchesCondition(10, { gt: 1, lt: 10 })).toBe(false);
    expect(matchesCondition('2026-11-25', { gte: '2026-11-01', lt: '2026-12-01' })).toBe(true);
    expect(matchesCondition('2026-12-01', { gte: '2026-11-01', lt: '2026-12-01' })).toBe(false);
  });

  test('a range never matches a missing field, null, a boolean or an object', () => {
    for (const v of [undefined, null, true, false, {}, []]) {
      expect(matchesCondition(v, { gte: 0 })).toBe(false);
      expect(matchesCondition(v, { lte: 'zzz' })).toBe(false);
    }
  });

  test('a condition object of no known kind is an error, not a match-all', () => {
    expect(() => matchesCondition(1, {} as never)).toThrow(TypeError);
  });

  test('a filter needs every condition to hold; no filter or an empty one matches anything', () => {
    const doc = { _id: 'x', status: 'open', owner: { id: 'u1' }, n: 3 };
    expect(matches(doc, undefined)).toBe(true);
    expect(matches(doc, {})).toBe(true);
    expect(matches(doc, { status: 'open', 'owner.id': 'u1', n: { gte: 3 } })).toBe(true);
    expect(matches(doc, { status: 'open', 'owner.id': 'u2' })).toBe(false);
    expect(matches(doc, { claimedBy: null, 'owner.name': null })).toBe(true);
    expect(matches(doc, { toString: null, constructor: null })).toBe(true);
  });
});

describe('applyPatch', () => {
  test('sets a dotted path, creating the objects on the way', () => {
    expect(applyPatch({ _id: 'x' } as D, { 'a.b.c': 1 })).toEqual({ _id: 'x', a: { b: { c: 1 } } });
  });

  test('a dotted path through null, a scalar or an array is refused, as CloudBase refuses it', () => {
    for (const parent of [5, null, 'str', [1]]) {
      expect(() => applyPatch({ _id: 'x', a: parent } as D, { 'a.k': 1 })).toThrow(PatchError);
      expect(() => applyPatch({ _id: 'x', a: parent } as D, { 'a.k': inc(1) })).toThrow(PatchError);
    }
  });

  test('a dotted path leaves sibling fields alone', () => {
    expect(applyPatch({ _id: 'x', a: { keep: 1, change: 1 } } as D, { 'a.change': 2 })).toEqual({ _id: 'x', a: { keep: 1, change: 2 } });
  });

  test('setting an object replaces the whole field', () => {
    expect(applyPatch({ _id: 'x', a: { keep: 1 } } as D, { a: { other: 2 } })).toEqual({ _id: 'x', a: { other: 2 } });
  });

  test('inc adds to a number and starts a missing field from 0', () => {
    const doc = { _id: 'x', n: 5 } as D;
    expect(applyPatch(doc, { n: inc(2), m: inc(3), 'deep.k': inc(4) })).toEqual({ _id: 'x', n: 7, m: 3, deep: { k: 4 } });
  });

  test('inc on null or a non-number is refused', () => {
    for (const value of [null, 'str', true, { a: 1 }, [1]]) {
      expect(() => applyPatch({ _id: 'x', z: value } as D, { z: inc(1) })).toThrow(PatchError);
    }
  });

  test('two paths where one contains the other are refused, in either order', () => {
    expect(() => applyPatch({ _id: 'x' } as D, { a: { b: 1 }, 'a.c': 2 })).toThrow(PatchError);
    expect(() => applyPatch({ _id: 'x' } as D, { 'a.c': 2, a: { b: 1 } })).toThrow(PatchError);
    expect(applyPatch({ _id: 'x' } as D, { a: 1, ab: 2, 'c.a': 3, 'c.ab': 4 })).toEqual({ _id: 'x', a: 1, ab: 2, c: { a: 3, ab: 4 } });
  });

  test('unset through a missing step or a scalar removes nothing and changes nothing', () => {
    const doc = { _id: 'x', s: 'str', n: null } as D;
    expect(applyPatch(doc, { 's.k': unset(), 'n.k': unset(), 'm.k': unset() })).toEqual(doc);
  });

  test('unset removes a field, a nested one, and ignores a missing one', () => {
    const doc = { _id: 'x', a: 1, b: { c: 2, d: 3 } } as D;
    expect(applyPatch(doc, { a: unset(), 'b.c': unset(), nothing: unset() })).toEqual({ _id: 'x', b: { d: 3 } });
  });

  test('undefined is stored as null', () => {
    expect(applyPatch({ _id: 'x', a: 1 } as D, { a: undefined })).toEqual({ _id: 'x', a: null });
  });

  test('the result does not share objects with the patch', () => {
    const value = { list: [1, 2] };
    const next = applyPatch({ _id: 'x' } as D, { v: value });
    value.list.push(3);
    expect(next).toEqual({ _id: 'x', v: { list: [1, 2] } });
  });

  test('a path through __proto__ is refused and Object.prototype stays clean', () => {
    expect(() => applyPatch({ _id: 'x' } as D, { '__proto__.polluted': 1 })).toThrow(TypeError);
    expect(() => applyPatch({ _id: 'x' } as D, { 'a.__proto__.polluted': 1 })).toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a field named like an inherited property becomes an own field', () => {
    const next = applyPatch({ _id: 'x' } as D, { 'constructor.name': 'c', 'toString.x': 1 });
    expect(next).toEqual({ _id: 'x', constructor: { name: 'c' }, toString: { x: 1 } });
    expect(Object.prototype.hasOwnProperty.call(next, 'constructor')).toBe(true);
  });
});

describe('applyPatch properties', () => {
  const segment = fc.constantFrom('a', 'b', 'c', 'n');
  const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
  const json = fc.jsonValue({ maxDepth: 3 });
  const change = fc.oneof(
    { weight: 4, arbitrary: json },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }).map((n) => inc(n)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => unset()) },
  );
  const doc = fc
    .dictionary(fc.constantFrom('a', 'b', 'c', 'n', 'other'), json, { maxKeys: 5 })
    .map((fields) => ({ ...fields, _id: 'doc' }) as D);
  const patch = fc.dictionary(path, change, { maxKeys: 6 });

  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
  }

  /** The patched copy, or null when the patch is one CloudBase would refuse. */
  function patched(d: D, p: Record<string, unknown>): D | null {
    try {
      return applyPatch(d, p);
    } catch (error) {
      if (error instanceof PatchError) return null;
      throw error;
    }
  }

  function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
    if (value !== null && typeof value === 'object') {
      into.add(value);
      for (const v of Object.values(value)) objectsIn(v, into);
    }
    return into;
  }

  test('applyPatch never mutates the document or the patch it is given', () => {
    fc.assert(
      fc.property(doc, patch, (d, p) => {
        const before = structuredClone(d);
        deepFreeze(d);
        deepFreeze(p);
        patched(d, p); // a write to a frozen object throws in strict mode, even on the way to a refusal
        expect(d).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  test('the result shares no object with the document or the patch, so changing it later is safe', () => {
    fc.assert(
      fc.property(doc, patch, (d, p) => {
        const inputs = objectsIn(d, objectsIn(Object.values(p)));
        const next = patched(d, p);
        fc.pre(next !== null);
        for (const o of objectsIn(next)) expect(inputs.has(o)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('after a patch, every set path reads back its value and every unset path reads as missing', () => {
    fc.assert(
      fc.property(doc, patch, (d, p) => {
        const next = patched(d, p);
        fc.pre(next !== null);
        const entries = Object.entries(p);
        entries.forEach(([k, v], i) => {
          // A later entry on the same path, a parent or a child may change what this one wrote.
          const touchedLater = entries.slice(i + 1).some(([later]) => later === k || later.startsWith(`${k}.`) || k.startsWith(`${later}.`));
          if (touchedLater) return;
          if (v instanceof Unset) expect(getPath(next, k)).toBeUndefined();
          else if (!(v instanceof Increment)) expect(getPath(next, k)).toEqual(v);
        });
      }),
      { numRuns: 300 },
    );
  });
});
