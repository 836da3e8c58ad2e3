/**
 * The permission matrix of the wish function, over HTTP, written by hand from DOMAIN §1 and checked against the
 * contract both ways (a new action without a row fails). Each cell makes fresh, valid input for its caller (a wish
 * in the right state, the caller's own claim where the action is the claimant's), so a refusal can only come from
 * the permission. A refused call writes nothing.
 */
import { contract } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import { CALLERS } from '../support/callers';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectMatrixCell, outcome } from '../support/expect';
import { publishedWish, wishInput, XFL } from '../support/wish';

jest.setTimeout(60_000);

type RoleName = keyof typeof CALLERS;
type Row = Record<RoleName, 'allow' | 'deny'>;

const everyone: Row = { visitor: 'allow', resident: 'allow', host: 'allow', staff: 'allow', admin: 'allow', otherStaff: 'allow', otherResident: 'allow' };
const none: Row = { visitor: 'deny', resident: 'deny', host: 'deny', staff: 'deny', admin: 'deny', otherStaff: 'deny', otherResident: 'deny' };
/** Verified residents of 幸福里 (the demo host lives there too). */
const residents: Row = { ...none, resident: 'allow', host: 'allow' };
const staffOnly: Row = { ...none, staff: 'allow' };

const EXPECTED: Record<string, Row> = {
  wall: everyone,
  get: everyone,
  timeline: everyone,
  submit: residents,
  proxySubmit: staffOnly,
  // The wisher (their own wish) or staff.
  withdraw: { ...none, resident: 'allow', staff: 'allow' },
  review: staffOnly,
  // A neighbour: the cell's wish is someone else's.
  claim: residents,
  // The claimant (their own claim) or staff.
  release: { ...none, resident: 'allow', host: 'allow', staff: 'allow' },
  fulfil: residents,
  confirm: { ...none, resident: 'allow', staff: 'allow' },
  confirmByPhone: staffOnly,
  mine: everyone,
  myClaims: everyone,
  manage: staffOnly,
  myPoints: everyone,
  leaderboard: everyone,
  correctPoints: staffOnly,
  applyOrg: everyone,
  myOrg: everyone,
  listOrgs: staffOnly,
  grantOrg: staffOnly,
  revokeOrg: staffOnly,
};

const ACTIONS = Object.keys(contract.wish);

interface Cell {
  cloud: TestCloud;
  caller: Client;
  role: RoleName;
  wisher: Client;
  staff: Client;
  next: () => number;
}

const soon = () => Date.now() + DAY_MS;

/** A verified resident of 幸福里 made for one cell, so no one runs into the open-wish limit. */
async function newWisher(c: Cell): Promise<Client> {
  const person = await c.cloud.login(`wisher-${c.next()}`);
  const me = await person.ok('user', 'applyResidency', { communityId: XFL, building: '9号楼', unit: `${c.next()}室` });
  await c.staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
  return person;
}

/** A wish by someone other than the caller. */
async function othersWish(c: Cell) {
  return publishedWish(await newWisher(c), c.staff, { title: `权限测试${c.next()}` });
}

/** A wish the caller owns when they can (a resident), else someone else's. */
async function ownOrOthers(c: Cell, status: 'submitted' | 'published') {
  const owner = c.role === 'resident' ? c.caller : await newWisher(c);
  const w = await owner.ok('wish', 'submit', wishInput({ title: `权限测试${c.next()}` }));
  return status === 'published' ? c.staff.ok('wish', 'review', { id: w.id, approve: true }) : w;
}

/** Claimed by the caller when they are a resident there, else by 刘大爷. */
async function claimedBy(c: Cell, fulfilled = false) {
  const w = await othersWish(c);
  const claimant = c.role === 'resident' || c.role === 'host' ? c.caller : await c.cloud.login('demo-resident-2');
  await claimant.ok('wish', 'claim', { id: w.id, promisedDate: soon() });
  if (fulfilled) await claimant.ok('wish', 'fulfil', { id: w.id, note: '已完成', photos: [] });
  return w;
}

async function pendingOrg(c: Cell) {
  const org = await c.cloud.login(`org-${c.next()}`);
  const me = await org.ok('user', 'me', {});
  await org.ok('wish', 'applyOrg', { communityId: XFL, orgName: `爱心单位${c.next()}`, contactPhone: '13900139000' });
  return me.id;
}

const VALID_INPUT: Record<string, (c: Cell) => Promise<unknown>> = {
  wall: async () => ({ communityId: XFL }),
  get: async (c) => ({ id: (await othersWish(c)).id }),
  timeline: async (c) => ({ id: (await othersWish(c)).id }),
  submit: async (c) => wishInput({ title: `权限测试${c.next()}` }),
  proxySubmit: async (c) => ({ ...wishInput({ title: `代办${c.next()}` }), building: '4号楼', address: '2单元102' }),
  withdraw: async (c) => ({ id: (await ownOrOthers(c, 'published')).id }),
  review: async (c) => ({ id: (await ownOrOthers(c, 'submitted')).id, approve: true }),
  claim: async (c) => ({ id: (await othersWish(c)).id, promisedDate: soon() }),
  release: async (c) => ({ id: (await claimedBy(c)).id }),
  fulfil: async (c) => ({ id: (await claimedBy(c)).id, note: '已完成', photos: [] }),
  confirm: async (c) => {
    // The caller's own wish (a resident's), claimed and fulfilled by a neighbour.
    const w = await ownOrOthers(c, 'published');
    const volunteer = await c.cloud.login(c.role === 'resident' ? 'demo-resident-2' : 'demo-resident-4');
    await volunteer.ok('wish', 'claim', { id: w.id, promisedDate: soon() });
    await volunteer.ok('wish', 'fulfil', { id: w.id, note: '已完成', photos: [] });
    return { id: w.id, thanks: '谢谢' };
  },
  confirmByPhone: async (c) => ({ id: (await claimedBy(c, true)).id, note: '电话回访，已完成' }),
  mine: async () => ({}),
  myClaims: async () => ({}),
  manage: async () => ({ communityId: XFL }),
  myPoints: async () => ({}),
  leaderboard: async () => ({ communityId: XFL, period: 'all' }),
  correctPoints: async (c) => {
    const w = await claimedBy(c, true);
    const confirmed = await c.staff.ok('wish', 'confirm', { id: w.id, thanks: '' });
    return { entryId: `lp:${confirmed.id}`, reason: '权限测试冲正' };
  },
  applyOrg: async (c) => ({ communityId: XFL, orgName: `爱心单位${c.next()}`, contactPhone: '13900139000' }),
  myOrg: async () => ({}),
  listOrgs: async () => ({ communityId: XFL }),
  grantOrg: async (c) => ({ communityId: XFL, userId: await pendingOrg(c) }),
  revokeOrg: async (c) => {
    const userId = await pendingOrg(c);
    await c.staff.ok('wish', 'grantOrg', { communityId: XFL, userId });
    return { communityId: XFL, userId };
  },
};


test('every wish action has an expectation and an input factory, and every row names a real action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  expect(Object.keys(VALID_INPUT).sort()).toEqual([...ACTIONS].sort());
});

describe('wish permissions', () => {
  let cloud: TestCloud;
  let wisher: Client;
  let staff: Client;
  let n = 0;
  beforeAll(async () => {
    cloud = await startCloud({ rateLimitPerMinute: 10_000 });
    [wisher, staff] = await Promise.all([cloud.login('demo-resident-1'), cloud.login('demo-staff')]);
    // The resident's own cells all make wishes for 张阿姨: the limit is not what this matrix is about.
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { wish: { maxOpenWishes: 20 } } });
  });
  afterAll(() => cloud.close());

  describe.each(ACTIONS)('wish.%s', (action) => {
    test.each(Object.keys(CALLERS) as RoleName[])('as %s', async (role) => {
      const caller = await cloud.login(CALLERS[role]);
      const data = await VALID_INPUT[action]({ cloud, caller, role, wisher, staff, next: () => ++n });
      await expectMatrixCell(cloud, `${action} as ${role}`, EXPECTED[action][role], () => caller.call('wish', action as 'get', data as never));
    });

    test('with no sign-in at all', async () => {
      const anonymous = cloud.anonymous();
      const data = await VALID_INPUT[action]({ cloud, caller: anonymous, role: 'visitor', wisher, staff, next: () => ++n });
      const got = outcome(await anonymous.call('wish', action as 'get', data as never));
      expect(got).toBe(EXPECTED[action].visitor === 'allow' ? (['wall', 'get', 'timeline', 'leaderboard'].includes(action) ? 'OK' : 'UNAUTHENTICATED') : 'UNAUTHENTICATED');
    });
  });
});
