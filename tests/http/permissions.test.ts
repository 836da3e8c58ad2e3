/**
 * The permission matrix of the user and notice functions, over HTTP.
 *
 * The expectation table is written by hand, from the product rules, and is checked against the contract in both
 * directions: an action added to the contract without a row here fails, and so does a row for an action that no
 * longer exists. Every call carries valid input made by a per-action factory (which also creates whatever the
 * action touches, fresh for each call), so a refusal can only come from the permission, never from validation.
 *
 * "allow" means the caller got past the permission: any outcome except FORBIDDEN and UNAUTHENTICATED. Since the
 * input is valid, VALIDATION or INTERNAL on an allowed cell is a broken factory or a bug, and fails too.
 */
import { contract, type ModuleContract } from '@shared/contract';
import { CALLERS } from '../support/callers';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { outcome } from '../support/expect';

// A ceiling for slow shared machines, not a timing assertion.
jest.setTimeout(30_000);

const XFL = 'c_xingfuli';

const ROLES = CALLERS;

type RoleName = keyof typeof ROLES;
type Verdict = 'allow' | 'deny';
type Row = Record<RoleName, Verdict>;

const everyone: Row = { visitor: 'allow', resident: 'allow', host: 'allow', staff: 'allow', admin: 'allow', otherStaff: 'allow', otherResident: 'allow' };
const staffOnly: Row = { visitor: 'deny', resident: 'deny', host: 'deny', staff: 'allow', admin: 'deny', otherStaff: 'deny', otherResident: 'deny' };
const staffOrAdmin: Row = { ...staffOnly, admin: 'allow' };
const adminOnly: Row = { visitor: 'deny', resident: 'deny', host: 'deny', staff: 'deny', admin: 'allow', otherStaff: 'deny', otherResident: 'deny' };

const EXPECTED: Record<string, Row> = {
  'user.me': everyone,
  'user.updateProfile': everyone,
  'user.listCommunities': everyone,
  'user.applyResidency': everyone,
  'user.listResidencyApplications': staffOnly,
  'user.reviewResidency': staffOnly,
  'user.countResidencyApplications': { ...staffOnly, otherStaff: 'allow' },
  'user.listMembers': staffOnly,
  'user.listRoleHolders': staffOrAdmin,
  'user.findUsers': adminOnly,
  'user.grantHost': staffOnly,
  'user.revokeHost': staffOnly,
  'user.createCommunity': adminOnly,
  'user.updateCommunitySettings': staffOnly,
  'user.assignStaff': adminOnly,
  'user.removeStaff': adminOnly,
  'user.exportMyData': everyone,
  'user.deleteMe': everyone,
  'user.inbox': everyone,
  'user.markInboxRead': everyone,
  'user.auditTrail': staffOrAdmin,
  'user.verifyAuditChain': staffOrAdmin,
  'notice.list': everyone,
  'notice.get': everyone,
  'notice.create': staffOrAdmin,
  'notice.update': staffOrAdmin,
  'notice.publish': staffOrAdmin,
  'notice.unpublish': staffOrAdmin,
  'notice.pin': staffOrAdmin,
  'notice.getManaged': staffOrAdmin,
  'notice.listManaged': staffOrAdmin,
};

interface Setup {
  cloud: TestCloud;
  staff: Client;
  admin: Client;
  /** A number unique within the test run, for fresh names. */
  next(): number;
}

/** A signed-in user with a record and nothing else. */
async function freshUser(s: Setup): Promise<{ client: Client; id: string }> {
  const client = await s.cloud.login(`person-${s.next()}`);
  return { client, id: (await client.ok('user', 'me', {})).id };
}

async function pendingApplicant(s: Setup): Promise<string> {
  const { client, id } = await freshUser(s);
  await client.ok('user', 'applyResidency', { communityId: XFL, building: '7号楼', unit: `${s.next()}室` });
  return id;
}

async function verifiedResident(s: Setup): Promise<string> {
  const id = await pendingApplicant(s);
  await s.staff.ok('user', 'reviewResidency', { userId: id, approve: true });
  return id;
}

async function draftNotice(s: Setup): Promise<string> {
  return (await s.staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: `权限测试${s.next()}`, body: '内容' })).id;
}

async function publishedNotice(s: Setup): Promise<string> {
  const id = await draftNotice(s);
  await s.staff.ok('notice', 'publish', { id });
  return id;
}

type Factory = (s: Setup) => Promise<Record<string, unknown>>;

const VALID_INPUT: Record<string, Factory> = {
  'user.me': async () => ({}),
  'user.updateProfile': async () => ({ nickname: '新昵称' }),
  'user.listCommunities': async () => ({}),
  'user.applyResidency': async () => ({ communityId: XFL, building: '1号楼', unit: '1单元101' }),
  'user.listResidencyApplications': async () => ({ communityId: XFL }),
  'user.reviewResidency': async (s) => ({ userId: await pendingApplicant(s), approve: true }),
  'user.countResidencyApplications': async () => ({}),
  'user.listMembers': async () => ({ communityId: XFL }),
  'user.listRoleHolders': async () => ({ communityId: XFL, role: 'host' }),
  'user.findUsers': async () => ({ query: '张阿姨' }),
  'user.grantHost': async (s) => ({ communityId: XFL, userId: await verifiedResident(s) }),
  'user.revokeHost': async (s) => {
    const userId = await verifiedResident(s);
    await s.staff.ok('user', 'grantHost', { communityId: XFL, userId });
    return { communityId: XFL, userId };
  },
  'user.createCommunity': async (s) => ({ name: `新社区${s.next()}` }),
  'user.updateCommunitySettings': async () => ({ communityId: XFL, settings: { consultation: { noticeDays: 4 } } }),
  'user.assignStaff': async (s) => ({ communityId: XFL, userId: (await freshUser(s)).id }),
  'user.removeStaff': async (s) => {
    const { id } = await freshUser(s);
    await s.admin.ok('user', 'assignStaff', { communityId: XFL, userId: id });
    return { communityId: XFL, userId: id };
  },
  'user.exportMyData': async () => ({}),
  'user.deleteMe': async () => ({ confirm: '删除' }),
  'user.inbox': async () => ({ limit: 10 }),
  'user.markInboxRead': async () => ({ ids: ['m_none'] }),
  'user.auditTrail': async () => ({ communityId: XFL }),
  'user.verifyAuditChain': async () => ({ communityId: XFL }),
  'notice.list': async () => ({ communityId: XFL }),
  'notice.get': async (s) => ({ id: await publishedNotice(s) }),
  'notice.create': async (s) => ({ communityId: XFL, category: '活动', title: `新公告${s.next()}`, body: '内容' }),
  'notice.update': async (s) => ({ id: await draftNotice(s), title: '改过的标题' }),
  'notice.publish': async (s) => ({ id: await draftNotice(s) }),
  'notice.unpublish': async (s) => ({ id: await publishedNotice(s) }),
  'notice.pin': async (s) => ({ id: await publishedNotice(s), pinned: true }),
  'notice.getManaged': async (s) => ({ id: await draftNotice(s) }),
  'notice.listManaged': async () => ({ communityId: XFL }),
};

/** The functions this matrix covers. Other functions keep their own matrices. */
const COVERED = { user: contract.user, notice: contract.notice } satisfies Record<string, ModuleContract>;

const ACTIONS = Object.entries(COVERED).flatMap(([fn, actions]) =>
  Object.entries(actions as ModuleContract).map(([action, spec]) => ({ fn, action, key: `${fn}.${action}`, spec })),
);


test('every covered action has an expectation and an input factory, and every row names a real action', () => {
  const keys = ACTIONS.map((a) => a.key).sort();
  expect({ missingExpectation: keys.filter((k) => !EXPECTED[k]), missingFactory: keys.filter((k) => !VALID_INPUT[k]) }).toEqual({
    missingExpectation: [],
    missingFactory: [],
  });
  expect(Object.keys(EXPECTED).sort()).toEqual(keys);
  expect(Object.keys(VALID_INPUT).sort()).toEqual(keys);
});

describe.each(ACTIONS)('$key', ({ fn, action, key, spec }) => {
  let n = 0;
  let setup: Setup;

  // A fresh cloud per action: some cells change who the caller is (deleteMe) or what they may do.
  beforeAll(async () => {
    const cloud = await startCloud();
    setup = { cloud, staff: await cloud.login(ROLES.staff), admin: await cloud.login(ROLES.admin), next: () => ++n };
  });
  afterAll(() => setup.cloud.close());

  const call = async (client: Client) => {
    const factory = VALID_INPUT[key];
    if (!factory) throw new Error(`no input factory for ${key}`);
    const data = await factory(setup);
    return client.call(fn as 'user', action as 'me', data);
  };

  test.each(Object.keys(ROLES) as RoleName[])('as %s', async (role) => {
    const expected = EXPECTED[key]?.[role];
    if (!expected) throw new Error(`no expectation for ${key} as ${role}: add it to EXPECTED`);
    const got = outcome(await call(await setup.cloud.login(ROLES[role])));
    if (expected === 'deny') expect({ cell: `${key} as ${role}`, got }).toEqual({ cell: `${key} as ${role}`, got: 'FORBIDDEN' });
    else {
      expect({ cell: `${key} as ${role}`, got }).toEqual({
        cell: `${key} as ${role}`,
        got: expect.not.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED|VALIDATION|INTERNAL)$/),
      });
    }
  });

  test('with no sign-in at all', async () => {
    const got = outcome(await call(setup.cloud.anonymous()));
    if (spec.permission.allow === 'anyone') expect(got).toBe('OK');
    else expect(got).toBe('UNAUTHENTICATED');
  });
});
