/**
 * The permission matrix of the room function, over HTTP, written by hand from DOMAIN §2 and checked against the
 * contract both ways (a new action without a row fails). Each cell makes fresh, valid input for its caller (a free
 * range of a room open round the clock, the caller's own booking where the action is the booker's), so a refusal
 * can only come from the permission. A refused call writes nothing. Staff and residents of 和平 act on 幸福里's rooms:
 * every action checks the room's community against the caller's.
 */
import { contract } from '@shared/contract';
import { hhmm } from '@shared/room/rules';
import { startOfShanghaiDay } from '@shared/time';
import { CALLERS } from '../support/callers';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectMatrixCell, outcome } from '../support/expect';
import { dayFrom, residents, XFL } from '../support/room';

jest.setTimeout(60_000);

type RoleName = keyof typeof CALLERS;
type Row = Record<RoleName, 'allow' | 'deny'>;

const none: Row = { visitor: 'deny', resident: 'deny', host: 'deny', staff: 'deny', admin: 'deny', otherStaff: 'deny', otherResident: 'deny' };
const signedIn: Row = { visitor: 'allow', resident: 'allow', host: 'allow', staff: 'allow', admin: 'allow', otherStaff: 'allow', otherResident: 'allow' };
/** Verified residents of 幸福里 (the demo host lives there too). */
const residentsOnly: Row = { ...none, resident: 'allow', host: 'allow' };
const residentsAndStaff: Row = { ...residentsOnly, staff: 'allow' };
const staffOnly: Row = { ...none, staff: 'allow' };
/** The booker (the cell's resident, acting on their own) or staff. */
const bookerOrStaff: Row = { ...none, resident: 'allow', staff: 'allow' };

const EXPECTED: Record<string, Row> = {
  rooms: residentsAndStaff,
  room: residentsAndStaff,
  createRoom: staffOnly,
  updateRoom: staffOnly,
  resetCheckInCode: staffOnly,
  doorQr: staffOnly,
  blackouts: residentsAndStaff,
  addBlackout: staffOnly,
  removeBlackout: staffOnly,
  grid: residentsAndStaff,
  book: residentsOnly,
  proxyBook: staffOnly,
  booking: bookerOrStaff,
  myBookings: signedIn,
  myStanding: residentsOnly,
  cancel: bookerOrStaff,
  review: staffOnly,
  // Only for one's own booking, at the door.
  checkIn: residentsOnly,
  markCheckedIn: staffOnly,
  approvalQueue: staffOnly,
  dayView: staffOnly,
  joinWaitlist: residentsOnly,
  leaveWaitlist: bookerOrStaff,
  myWaits: signedIn,
  acceptOffer: bookerOrStaff,
  declineOffer: bookerOrStaff,
  createSeries: staffOnly,
  seriesList: staffOnly,
  series: staffOnly,
  confirmSeries: staffOnly,
  endSeries: staffOnly,
};

const ACTIONS = Object.keys(contract.room);

interface Cell {
  cloud: TestCloud;
  caller: Client;
  role: RoleName;
  staff: Client;
  rooms: { open: string; approval: string; series: string };
  /** A free 15-minute range of a room, never handed out twice. */
  range(roomId: string): { roomId: string; date: string; start: string; end: string; purpose: string; attendees: number };
  /** A verified resident of 幸福里 no cell has used. */
  neighbour(): Client;
}

const isResident = (c: Cell) => c.role === 'resident' || c.role === 'host';

/** The caller's own booking when the row is about the booker, else a neighbour's. */
async function ownOrNeighbours(c: Cell, roomId: string) {
  const booker = c.role === 'resident' ? c.caller : c.neighbour();
  return { booker, booking: await booker.ok('room', 'book', c.range(roomId)) };
}

/** A booking of the caller (any 幸福里 resident) or a neighbour whose check-in window is open now. */
async function atTheDoor(c: Cell, mine: boolean) {
  const booker = mine && isResident(c) ? c.caller : c.neighbour();
  const booking = await booker.ok('room', 'book', c.range(c.rooms.open));
  c.cloud.setNow(booking.startAt - 10 * 60_000);
  return booking;
}

/** A hold offered to the caller (a resident) or a neighbour: someone books, they queue, the booking is cancelled. */
async function offerTo(c: Cell) {
  const waiter = c.role === 'resident' ? c.caller : c.neighbour();
  const holder = c.neighbour();
  const range = c.range(c.rooms.open);
  const held = await holder.ok('room', 'book', range);
  await waiter.ok('room', 'joinWaitlist', range);
  await holder.ok('room', 'cancel', { id: held.id });
  const [offer] = (await waiter.ok('room', 'myWaits', {})).items.filter((w) => w.status === 'offered');
  return offer.bookingId!;
}

const roomFields = {
  kind: '活动室',
  capacity: 20,
  facilities: [],
  photos: [],
  hours: Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' })),
  slotMinutes: 15,
  maxMinutes: 60,
  horizonDays: 30,
  rules: '',
};

const seriesInput = (c: Cell) => ({ roomId: c.rooms.series, title: '权限测试班', organizer: '测试组', weekday: 0, start: '03:00', end: '03:30', every: 2, firstDate: dayFrom(Date.now(), 1), attendees: 5 });

const VALID_INPUT: Record<string, (c: Cell) => Promise<unknown>> = {
  rooms: async () => ({ communityId: XFL }),
  room: async (c) => ({ roomId: c.rooms.open }),
  createRoom: async () => ({ communityId: XFL, name: '权限测试室', needsApproval: false, ...roomFields }),
  updateRoom: async (c) => ({ roomId: c.rooms.open, capacity: 20 }),
  resetCheckInCode: async (c) => ({ roomId: c.rooms.approval }),
  doorQr: async (c) => ({ roomId: c.rooms.open }),
  blackouts: async () => ({ communityId: XFL }),
  addBlackout: async (c) => ({ communityId: XFL, roomId: c.rooms.approval, kind: '装修', reason: '刷墙', from: Date.now() + 400 * 86_400_000, to: Date.now() + 401 * 86_400_000 }),
  removeBlackout: async (c) => {
    const b = await c.staff.ok('room', 'addBlackout', { communityId: XFL, roomId: null, kind: '节假日', reason: '放假', from: Date.now() + 500 * 86_400_000, to: Date.now() + 501 * 86_400_000 });
    return { id: b.id };
  },
  grid: async () => ({ communityId: XFL, from: dayFrom(Date.now(), 1), days: 7 }),
  book: async (c) => c.range(c.rooms.open),
  proxyBook: async (c) => ({ ...c.range(c.rooms.open), residentId: 'u_demo5' }),
  booking: async (c) => ({ id: (await ownOrNeighbours(c, c.rooms.open)).booking.id }),
  myBookings: async () => ({}),
  myStanding: async () => ({ communityId: XFL }),
  cancel: async (c) => ({ id: (await ownOrNeighbours(c, c.rooms.open)).booking.id, reason: '权限测试' }),
  review: async (c) => ({ id: (await ownOrNeighbours(c, c.rooms.approval)).booking.id, approve: true }),
  checkIn: async (c) => {
    await atTheDoor(c, true);
    return { roomId: c.rooms.open, code: (await c.staff.ok('room', 'room', { roomId: c.rooms.open })).checkInCode };
  },
  markCheckedIn: async (c) => ({ id: (await atTheDoor(c, false)).id }),
  approvalQueue: async () => ({ communityId: XFL }),
  dayView: async () => ({ communityId: XFL, date: dayFrom(Date.now(), 1) }),
  joinWaitlist: async (c) => {
    const range = c.range(c.rooms.open);
    await c.neighbour().ok('room', 'book', range);
    return range;
  },
  leaveWaitlist: async (c) => {
    const waiter = c.role === 'resident' ? c.caller : c.neighbour();
    const range = c.range(c.rooms.open);
    await c.neighbour().ok('room', 'book', range);
    return { id: (await waiter.ok('room', 'joinWaitlist', range)).id };
  },
  myWaits: async () => ({}),
  acceptOffer: async (c) => ({ id: await offerTo(c) }),
  declineOffer: async (c) => ({ id: await offerTo(c) }),
  createSeries: async (c) => seriesInput(c),
  seriesList: async () => ({ communityId: XFL }),
  series: async (c) => ({ id: (await c.staff.ok('room', 'createSeries', seriesInput(c))).id }),
  confirmSeries: async (c) => ({ id: (await c.staff.ok('room', 'createSeries', seriesInput(c))).id }),
  endSeries: async (c) => ({ id: (await c.staff.ok('room', 'createSeries', seriesInput(c))).id, reason: '权限测试' }),
};


test('every room action has an expectation and an input factory, and every row names a real action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  expect(Object.keys(VALID_INPUT).sort()).toEqual([...ACTIONS].sort());
});

describe('room permissions', () => {
  let cloud: TestCloud;
  let staff: Client;
  let T0: number;
  let rooms: Cell['rooms'];
  let neighbours: Client[];
  let ranges = 0;
  let used = 0;

  beforeAll(async () => {
    T0 = startOfShanghaiDay(Date.now()) + 6 * 3600_000;
    cloud = await startCloud({ now: T0, rateLimitPerMinute: 10_000 });
    staff = await cloud.login('demo-staff');
    // The resident's own cells all book for 张阿姨: the limits are not what this matrix is about.
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { room: { maxActiveBookings: 20, maxHoursPerWeek: 40 } } });
    const open = await staff.ok('room', 'createRoom', { communityId: XFL, name: '全天活动室', needsApproval: false, ...roomFields });
    const approval = await staff.ok('room', 'createRoom', { communityId: XFL, name: '全天会议室', needsApproval: true, ...roomFields });
    const series = await staff.ok('room', 'createRoom', { communityId: XFL, name: '兴趣班教室', needsApproval: false, ...roomFields });
    rooms = { open: open.id, approval: approval.id, series: series.id };
    neighbours = await residents(cloud, 200, 'neighbour');
  }, 120_000);
  afterAll(() => cloud.close());
  afterEach(() => cloud.setNow(T0));

  const cellFor = (caller: Client, role: RoleName): Cell => ({
    cloud,
    caller,
    role,
    staff,
    rooms,
    range: (roomId) => {
      // Fifteen-minute ranges from tomorrow on, the earliest first: 96 a day.
      const n = ranges++;
      const start = (n % 96) * 15;
      return { roomId, date: dayFrom(T0, 1 + Math.floor(n / 96)), start: hhmm(start), end: hhmm(start + 15), purpose: '权限测试', attendees: 2 };
    },
    neighbour: () => neighbours[used++],
  });

  describe.each(ACTIONS)('room.%s', (action) => {
    test.each(Object.keys(CALLERS) as RoleName[])('as %s', async (role) => {
      const caller = await cloud.login(CALLERS[role]);
      const data = await VALID_INPUT[action](cellFor(caller, role));
      await expectMatrixCell(cloud, `${action} as ${role}`, EXPECTED[action][role], () => caller.call('room', action as 'rooms', data as never));
    });

    test('with no sign-in at all', async () => {
      const anonymous = cloud.anonymous();
      const data = await VALID_INPUT[action](cellFor(anonymous, 'visitor'));
      expect(outcome(await anonymous.call('room', action as 'rooms', data as never))).toBe('UNAUTHENTICATED');
    });
  });
});
