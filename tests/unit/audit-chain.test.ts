import { canonicalJson, entryHash, findChainBreak, GENESIS_HASH, type AuditFields, type ChainedEntry } from '@shared/audit/chain';

/** A well-formed chain of `n` entries for one community, built the way the sealer links them. */
function chain(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AuditFields = {
      communityId: 'c_xingfuli',
      seq,
      at: 1_790_000_000_000 + seq * 1000,
      actorId: `u_${seq % 3}`,
      actorRole: 'staff',
      action: 'notice.publish',
      targetType: 'notice',
      targetId: `n_${seq}`,
      before: { status: 'draft' },
      after: { status: 'published', title: `第${seq}条` },
      note: seq % 2 ? null : '备注',
      requestId: `r${seq}`,
    };
    const hash = entryHash(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('findChainBreak', () => {
  test('an untouched chain has no break', () => {
    expect(findChainBreak(chain(6))).toBeNull();
    expect(findChainBreak([])).toBeNull();
  });

  test('an edited entry is named by its seq', () => {
    const entries = chain(6);
    entries[3] = { ...entries[3], after: { status: 'published', title: '改过的标题' } };
    expect(findChainBreak(entries)).toEqual({ seq: 4, reason: expect.stringContaining('改动') });
  });

  test('an edit that also recomputes its own hash breaks the next link', () => {
    const entries = chain(6);
    const edited = { ...entries[2], actorId: 'u_someone_else' };
    edited.hash = entryHash(edited.prevHash, edited);
    entries[2] = edited;
    expect(findChainBreak(entries)?.seq).toBe(4);
  });

  test('an edited first entry is caught against the genesis link', () => {
    const entries = chain(3);
    entries[0] = { ...entries[0], note: '补记' };
    expect(findChainBreak(entries)?.seq).toBe(1);
  });

  test('a removed entry is named by the missing seq', () => {
    const entries = chain(6);
    entries.splice(2, 1);
    expect(findChainBreak(entries)).toEqual({ seq: 3, reason: expect.stringContaining('缺失') });
  });

  test('a removed first entry is caught', () => {
    expect(findChainBreak(chain(4).slice(1))?.seq).toBe(1);
  });

  test('a reordered pair is caught at the first position out of place', () => {
    const entries = chain(6);
    [entries[2], entries[3]] = [entries[3], entries[2]];
    expect(findChainBreak(entries)?.seq).toBe(3);
  });

  test('entries renumbered to hide a reorder still fail their links', () => {
    const entries = chain(5);
    const swapped = [entries[0], { ...entries[2], seq: 2 }, { ...entries[1], seq: 3 }, entries[3], entries[4]];
    expect(findChainBreak(swapped)?.seq).toBe(2);
  });

  test('a page is checked against the last good entry of the page before', () => {
    const entries = chain(8);
    const last = entries[3];
    expect(findChainBreak(entries.slice(4), { seq: last.seq, hash: last.hash })).toBeNull();
    const tampered = entries.slice(4);
    tampered[1] = { ...tampered[1], targetId: 'n_other' };
    expect(findChainBreak(tampered, { seq: last.seq, hash: last.hash })?.seq).toBe(6);
    // The wrong predecessor hash fails the first link of the page.
    expect(findChainBreak(entries.slice(4), { seq: 4, hash: entries[2].hash })?.seq).toBe(5);
  });
});

describe('canonicalJson', () => {
  test('key order does not change the text or the hash', () => {
    const a = { b: 1, a: { y: [1, { d: 2, c: 3 }], x: null } };
    const b = { a: { x: null, y: [1, { c: 3, d: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"c":3,"d":2}]},"b":1}');
    const fields = chain(1)[0];
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as AuditFields;
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, fields));
  });

  test('array order does matter', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  test('undefined fields are left out, as JSON storage would drop them', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
  });

  test('values that differ only in type hash differently', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  test('the hash ignores fields it does not cover, such as a database _id', () => {
    const entry = chain(1)[0];
    const stored = { ...entry, _id: 'c_xingfuli:0000000001' };
    expect(entryHash(GENESIS_HASH, stored)).toBe(entry.hash);
  });
});
