/**
 * 幸福里's rooms for the demo: a 议事厅 that staff approve and the consultations hold, an 活动室 booked at once, a
 * 会议室, and 和平's one room. The rooms are written as documents (fixed ids and door codes, so the door QR and
 * the e2e know them); with the demo's activity, some bookings, a waitlist entry and a recurring series are made
 * through the real actions, as the people named would make them.
 */
import type { BookingView, SeriesView } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { dateAfter, type WeekHours } from '@shared/room/rules';
import { shanghaiDate } from '@shared/time';
import type { Store } from '../cloudfunctions/core/store/port';
import type { RoomDoc } from '../cloudfunctions/room/records';
import { FUNCTIONS } from '../cloudfunctions/modules';
import { localRuntime, type LocalContext } from './runtime';

export const DEMO_ROOMS = {
  hall: 'r_xfl_hall',
  activity: 'r_xfl_act',
  meeting: 'r_xfl_meet',
  heping: 'r_hp_act',
} as const;

const daily = (open: string, close: string): WeekHours => Array.from({ length: 7 }, () => ({ open, close }));
const weekdays = (open: string, close: string): WeekHours => [...Array.from({ length: 5 }, () => ({ open, close })), null, null];

function room(id: string, communityId: string, fields: Omit<RoomDoc, '_id' | 'communityId' | 'inUse' | 'blackouts' | 'createdAt' | 'updatedAt'>, now: number): RoomDoc {
  return { _id: id, communityId, ...fields, inUse: true, blackouts: [], createdAt: now, updatedAt: now };
}

export async function seedRooms(store: Store, now: number): Promise<void> {
  const rooms = [
    room(DEMO_ROOMS.hall, 'c_xingfuli', {
      name: '居民议事厅',
      kind: '议事厅',
      capacity: 40,
      facilities: ['投影仪', '话筒', '会议桌椅'],
      photos: [],
      hours: daily('08:00', '21:00'),
      slotMinutes: 30,
      maxMinutes: 180,
      horizonDays: 14,
      needsApproval: true,
      rules: '议事厅优先用于居民议事和社区会议；居民借用须经社区审核。用后请关灯、摆好桌椅。',
      checkInCode: '2468',
    }, now),
    room(DEMO_ROOMS.activity, 'c_xingfuli', {
      name: '一楼活动室',
      kind: '活动室',
      capacity: 20,
      facilities: ['乒乓球桌', '棋牌桌', '音响'],
      photos: [],
      hours: daily('08:00', '21:00'),
      slotMinutes: 30,
      maxMinutes: 120,
      horizonDays: 7,
      needsApproval: false,
      rules: '请爱护设施，保持安静，活动结束后整理好桌椅。',
      checkInCode: '1357',
    }, now),
    room(DEMO_ROOMS.meeting, 'c_xingfuli', {
      name: '二楼会议室',
      kind: '会议室',
      capacity: 12,
      facilities: ['白板', '电视'],
      photos: [],
      hours: weekdays('09:00', '17:00'),
      slotMinutes: 60,
      maxMinutes: 180,
      horizonDays: 14,
      needsApproval: true,
      rules: '工作日开放，适合楼组长会议、小型座谈。',
      checkInCode: '8080',
    }, now),
    room(DEMO_ROOMS.heping, 'c_heping', {
      name: '和平社区文体中心',
      kind: '文体中心',
      capacity: 60,
      facilities: ['舞蹈镜', '音响'],
      photos: [],
      hours: daily('08:30', '20:30'),
      slotMinutes: 60,
      maxMinutes: 120,
      horizonDays: 7,
      needsApproval: false,
      rules: '',
      checkInCode: '3690',
    }, now),
  ];
  // Listed in this order: the rooms are ordered by when they were made.
  for (const [i, r] of rooms.entries()) await store.create('rooms', { ...r, createdAt: now + i, updatedAt: now + i });
}

type Call = <T>(openid: string, action: string, data: Record<string, unknown>) => Promise<T>;

/** Bookings in every live state, one waiting resident and a weekly 兴趣班, made as the people would make them. */
export async function seedRoomActivity(store: Store, now: number): Promise<void> {
  const runtime = localRuntime(store, { now: () => now, log: () => undefined, rateLimitPerMinute: 1_000_000 });
  const call: Call = async <T>(openid: string, action: string, data: Record<string, unknown>) => {
    const context: LocalContext = { WX_OPENID: openid };
    const envelope = (await FUNCTIONS.room(runtime, { action, data }, context)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`demo seed: room.${action} as ${openid} refused: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data;
  };
  const tomorrow = dateAfter(shanghaiDate(now), 1);
  const dayAfter = dateAfter(shanghaiDate(now), 2);
  await call<BookingView>('demo-resident-1', 'book', { roomId: DEMO_ROOMS.activity, date: tomorrow, start: '09:00', end: '11:00', purpose: '太极拳晨练', attendees: 12 });
  await call<BookingView>('demo-resident-2', 'book', { roomId: DEMO_ROOMS.activity, date: tomorrow, start: '14:00', end: '16:00', purpose: '象棋友谊赛', attendees: 8 });
  await call<BookingView>('demo-resident-3', 'book', { roomId: DEMO_ROOMS.hall, date: dayAfter, start: '10:00', end: '11:30', purpose: '楼组长碰头会', attendees: 10 });
  await call('demo-resident-4', 'joinWaitlist', { roomId: DEMO_ROOMS.activity, date: tomorrow, start: '09:00', end: '10:00', purpose: '亲子阅读', attendees: 6 });
  await call<BookingView>('demo-staff', 'proxyBook', { roomId: DEMO_ROOMS.activity, residentId: 'u_demo6', date: dayAfter, start: '15:00', end: '16:00', purpose: '老年合唱排练', attendees: 15 });
  await call<SeriesView>('demo-staff', 'createSeries', {
    roomId: DEMO_ROOMS.activity,
    title: '书法兴趣班',
    organizer: '社区书法协会',
    weekday: 2,
    start: '19:00',
    end: '20:30',
    every: 1,
    firstDate: tomorrow,
    attendees: 15,
  });
}
