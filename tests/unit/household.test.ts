import { addressLine, householdKey, householdPrefix } from '@shared/user/household';

describe('householdKey: one flat, however it was typed', () => {
  test.each([
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '3栋', unit: '2', room: '301室' }],
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '３＃', unit: '２单元', room: '３０１' }],
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: ' 3 号楼 ', unit: '2单元301' }],
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '3', unit: '2-301' }],
    [{ building: 'A座', unit: '1单元', room: '1202' }, { building: 'a', unit: '1', room: '1202' }],
    [{ building: '03号楼', unit: '2单元', room: '301' }, { building: '3号楼', unit: '02单元', room: '0301' }],
  ])('%j is the same household as %j', (a, b) => {
    expect(householdKey(a)).toBe(householdKey(b));
  });

  test.each([
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '3号楼', unit: '2单元', room: '302' }],
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '13号楼', unit: '2单元', room: '301' }],
    [{ building: '3号楼', unit: '2单元', room: '301' }, { building: '3号楼', unit: '1单元', room: '301' }],
  ])('%j is not %j', (a, b) => {
    expect(householdKey(a)).not.toBe(householdKey(b));
  });

  test('keys sort as people count: building 2 before building 10', () => {
    const keys = ['10号楼', '2号楼', '1号楼'].map((building) => householdKey({ building, unit: '1单元', room: '101' }));
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[0]]);
  });
});

describe('householdPrefix: search by building, or building and unit', () => {
  const key = householdKey({ building: '3号楼', unit: '2单元', room: '301' });

  test('a building finds its households and not a building whose number starts the same', () => {
    expect(key.startsWith(householdPrefix({ building: '3栋' })!)).toBe(true);
    expect(householdKey({ building: '31号楼', unit: '2单元', room: '301' }).startsWith(householdPrefix({ building: '3号楼' })!)).toBe(false);
  });

  test('a building and unit finds that unit only', () => {
    expect(key.startsWith(householdPrefix({ building: '3', unit: '2单元' })!)).toBe(true);
    expect(key.startsWith(householdPrefix({ building: '3', unit: '1单元' })!)).toBe(false);
  });

  test('nothing asked → no prefix; a unit without a building is not a search', () => {
    expect(householdPrefix({})).toBeNull();
    expect(householdPrefix({ building: '  ', unit: '2' })).toBeNull();
  });
});

test('addressLine shows the parts as typed, skipping empty ones', () => {
  expect(addressLine({ building: '3号楼', unit: '2单元', room: '301' })).toBe('3号楼 2单元 301');
  expect(addressLine({ building: '3号楼', unit: '2单元301' })).toBe('3号楼 2单元301');
});
