/**
 * What the staff screens and the street admin's screens ask of the user function: the residency queue with what
 * the applicant typed and the neighbours already verified at that flat, the waiting count, residents found by
 * building and unit, the lists of hosts and staff, and finding a person to make staff.
 */
import type { UserDoc } from '../../cloudfunctions/core/caller';
import type { Client } from '../support/cloud';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

const XFL = 'c_xingfuli';
const HEPING = 'c_heping';

async function allMembers(staff: Client, input: { building?: string; unit?: string }) {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await staff.ok('user', 'listMembers', { communityId: XFL, ...input, limit: 2, cursor });
    names.push(...page.items.map((m) => m.nickname));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

describe('the residency queue', () => {
  const c = withCloud();
  let staff: Client;

  beforeAll(async () => {
    staff = await c.cloud().login('demo-staff');
  });

  test('shows what the applicant typed, when, and who is already verified at that flat', async () => {
    const applicant = await c.cloud().login('queue-applicant-1');
    await applicant.ok('user', 'updateProfile', { nickname: '小张' });
    // 张阿姨 is verified at 1号楼 1单元 102; the same flat, typed another way.
    const me = await applicant.ok('user', 'applyResidency', { communityId: XFL, name: '张小明', building: '1栋', unit: '1', room: '102室', phone: '138 1234 5678' });
    expect(me.residency).toMatchObject({ name: '张小明', building: '1栋', unit: '1', room: '102室', phone: '138 1234 5678', status: 'pending' });
    expect(me.residency).not.toHaveProperty('household');

    const [application] = (await staff.ok('user', 'listResidencyApplications', { communityId: XFL })).items;
    expect(application).toMatchObject({
      nickname: '小张',
      residency: { name: '张小明', building: '1栋', unit: '1', room: '102室', phone: '138 1234 5678', appliedAt: c.cloud().runtime.now() },
      sameHousehold: [{ userId: 'u_demo4', name: '张桂芳' }],
    });
    expect(application.residency).not.toHaveProperty('household');
  });

  test('an applicant at a flat nobody is verified at shows no neighbours', async () => {
    const applicant = await c.cloud().login('queue-applicant-2');
    await applicant.ok('user', 'applyResidency', { communityId: XFL, name: '李四', building: '12号楼', unit: '1单元', room: '1101' });
    const items = (await staff.ok('user', 'listResidencyApplications', { communityId: XFL })).items;
    expect(items.find((a) => a.residency.name === '李四')?.sameHousehold).toEqual([]);
  });

  test('the waiting count is per community the caller is staff of', async () => {
    expect(await staff.ok('user', 'countResidencyApplications', {})).toEqual([{ communityId: XFL, pending: 2 }]);
    const heping = await c.cloud().login('demo-staff-heping');
    expect(await heping.ok('user', 'countResidencyApplications', {})).toEqual([{ communityId: HEPING, pending: 0 }]);
    expectError(await (await c.cloud().login('demo-resident-1')).call('user', 'countResidencyApplications', {}), 'FORBIDDEN');
  });

  test('reviewing drops the phone number, which was only for checking; the count goes down', async () => {
    const [first] = (await staff.ok('user', 'listResidencyApplications', { communityId: XFL })).items;
    const reviewed = await staff.ok('user', 'reviewResidency', { userId: first.userId, approve: true });
    expect(reviewed.residency).not.toHaveProperty('phone');
    expect(reviewed.residency).toMatchObject({ name: '张小明', status: 'approved' });
    const stored = await c.cloud().store.get<UserDoc>('users', first.userId);
    expect(stored?.residency).not.toHaveProperty('phone');
    expect(await staff.ok('user', 'countResidencyApplications', {})).toEqual([{ communityId: XFL, pending: 1 }]);
  });

  test('a bad phone number or an empty name is refused in Chinese, naming the field, nothing written', async () => {
    const applicant = await c.cloud().login('queue-applicant-3');
    await applicant.ok('user', 'me', {});
    const bad = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      applicant.call('user', 'applyResidency', { communityId: XFL, name: ' ', building: '1号楼', unit: '1单元', room: '101', phone: '打电话给我' }),
    );
    expect(bad.fields).toEqual({ name: '请填写姓名', phone: '请填写正确的电话号码，如 13812345678' });
  });

  test('an application made the old way, unit and room together, still works and still finds the neighbours', async () => {
    const applicant = await c.cloud().login('queue-applicant-4');
    await applicant.ok('user', 'applyResidency', { communityId: XFL, building: '3号楼', unit: '2单元301' });
    const items = (await staff.ok('user', 'listResidencyApplications', { communityId: XFL })).items;
    expect(items.find((a) => a.residency.unit === '2单元301')?.sameHousehold).toEqual([{ userId: 'u_demo3', name: '王秀英' }]);
  });
});

describe('residents by building and unit', () => {
  const c = withCloud();
  let staff: Client;

  beforeAll(async () => {
    staff = await c.cloud().login('demo-staff');
    // A second resident in 3号楼 but another unit, and one in 13号楼, whose number starts the same.
    for (const [openid, building, unit, room] of [
      ['search-1', '3栋', '1单元', '101'],
      ['search-2', '13号楼', '2单元', '301'],
    ]) {
      const person = await c.cloud().login(openid);
      await person.ok('user', 'updateProfile', { nickname: openid });
      const me = await person.ok('user', 'applyResidency', { communityId: XFL, name: openid, building, unit, room });
      await staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
    }
  });

  test('with no search every verified resident is listed, in building order', async () => {
    expect(await allMembers(staff, {})).toEqual(['张阿姨', '刘大爷', 'search-1', '王大姐', '陈女士', '赵先生', 'search-2']);
  });

  test('a building finds its residents however it was typed, and not building 13', async () => {
    expect(await allMembers(staff, { building: '3号楼' })).toEqual(['search-1', '王大姐']);
    expect(await allMembers(staff, { building: '3' })).toEqual(['search-1', '王大姐']);
  });

  test('a building and unit narrow it to that unit', async () => {
    expect(await allMembers(staff, { building: '3号楼', unit: '2单元' })).toEqual(['王大姐']);
    const [host] = (await staff.ok('user', 'listMembers', { communityId: XFL, building: '3', unit: '2' })).items;
    expect(host).toMatchObject({ name: '王秀英', building: '3号楼', unit: '2单元', room: '301', roles: ['host'] });
  });

  test('a unit without a building is refused in Chinese', async () => {
    const error = expectError(await staff.call('user', 'listMembers', { communityId: XFL, unit: '2单元' }), 'VALIDATION');
    expect(error.fields).toEqual({ building: '按单元查找时请先填写楼栋' });
  });
});

describe('hosts and staff of a community', () => {
  const c = withCloud();
  let staff: Client;
  let admin: Client;

  beforeAll(async () => {
    staff = await c.cloud().login('demo-staff');
    admin = await c.cloud().login('demo-admin');
  });

  const holders = async (who: Client, communityId: string, role: 'host' | 'staff') =>
    (await who.ok('user', 'listRoleHolders', { communityId, role })).items.map((m) => m.nickname);

  test('the seeded host and staff are listed; granting and revoking moves them in and out', async () => {
    expect(await holders(staff, XFL, 'host')).toEqual(['王大姐']);
    await staff.ok('user', 'grantHost', { communityId: XFL, userId: 'u_demo4' });
    expect(await holders(staff, XFL, 'host')).toEqual(['王大姐', '张阿姨']);
    await staff.ok('user', 'revokeHost', { communityId: XFL, userId: 'u_demo3' });
    expect(await holders(staff, XFL, 'host')).toEqual(['张阿姨']);
  });

  test('the admin lists any community\'s staff; staff of another community may not', async () => {
    expect(await holders(admin, XFL, 'staff')).toEqual(['李书记']);
    expect(await holders(admin, HEPING, 'staff')).toEqual(['孙干事']);
    const other = await c.cloud().login('demo-staff-heping');
    expectError(await other.call('user', 'listRoleHolders', { communityId: XFL, role: 'host' }), 'FORBIDDEN');
  });

  test('the admin finds a person by nickname or user number, sees where they are, and makes them staff', async () => {
    const newcomer = await c.cloud().login('future-staff');
    const me = await newcomer.ok('user', 'updateProfile', { nickname: '钱干事' });
    const [found] = await admin.ok('user', 'findUsers', { query: '钱干事' });
    expect(found).toEqual({ userId: me.id, nickname: '钱干事', residentOf: null, staffOf: [] });
    expect(await admin.ok('user', 'findUsers', { query: me.id })).toEqual([found]);
    expect(await admin.ok('user', 'findUsers', { query: '张阿姨' })).toEqual([{ userId: 'u_demo4', nickname: '张阿姨', residentOf: '幸福里社区', staffOf: [] }]);
    expect(await admin.ok('user', 'findUsers', { query: '没有这个人' })).toEqual([]);

    await admin.ok('user', 'assignStaff', { communityId: HEPING, userId: me.id });
    expect(await holders(admin, HEPING, 'staff')).toEqual(['孙干事', '钱干事']);
    expect((await admin.ok('user', 'findUsers', { query: '钱干事' }))[0].staffOf).toEqual([HEPING]);
    await admin.ok('user', 'removeStaff', { communityId: HEPING, userId: me.id });
    expect(await holders(admin, HEPING, 'staff')).toEqual(['孙干事']);
  });

  test('an empty search is refused in Chinese; staff cannot search people', async () => {
    expect(expectError(await admin.call('user', 'findUsers', { query: '  ' }), 'VALIDATION').message).toBe('请输入昵称或用户编号');
    expectError(await staff.call('user', 'findUsers', { query: '张阿姨' }), 'FORBIDDEN');
  });

  test('a deleted account leaves the lists and cannot be found', async () => {
    const person = await c.cloud().login('leaving-staff');
    const me = await person.ok('user', 'updateProfile', { nickname: '周干事' });
    await admin.ok('user', 'assignStaff', { communityId: XFL, userId: me.id });
    await person.ok('user', 'deleteMe', { confirm: '删除' });
    expect(await holders(admin, XFL, 'staff')).toEqual(['李书记']);
    expect(await c.cloud().store.count('roleHolders', { userId: me.id })).toBe(0);
    expect(await admin.ok('user', 'findUsers', { query: me.id })).toEqual([]);
  });
});
