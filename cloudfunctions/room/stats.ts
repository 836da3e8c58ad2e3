import { rate } from '@shared/dashboard/rollup';
import { BOOKING_STATUS_LABELS, minutesOf, weekdayOf, type WeekHours } from '@shared/room/rules';
import { addDays, shanghaiDate } from '@shared/time';
import type { ExportSpec, StatSpec } from '../core/module';
import { recorded } from '../core/stats';
import { pagesOf, queryAll } from '../core/store/paging';
import type { BookingDoc, RoomDoc } from './records';

/** Minutes a room is open from `from` to `to` (Shanghai days), by its weekly hours. */
export function openMinutes(hours: WeekHours, from: number, to: number): number {
  let minutes = 0;
  for (let day = from; day < to; day = addDays(day, 1)) {
    const h = hours[weekdayOf(shanghaiDate(day))];
    if (h) minutes += Math.max(0, minutesOf(h.close) - minutesOf(h.open));
  }
  return minutes;
}

/** 活动室 on the staff dashboard: bookings, the hours used against the hours open, no-shows. */
export const ROOM_STATS: StatSpec = {
  title: '活动室',
  measures: [
    { key: 'roomBookings', actions: ['room.book', 'room.proxyBook'] },
    { key: 'roomNoShows', actions: ['room.noShow'] },
    { key: 'roomCompleted', actions: ['room.complete'] },
    // The booking's length, recorded on the entry when it ends (`endBooking`).
    { key: 'roomUsedMinutes', actions: ['room.complete'], value: (e) => recorded(e, 'minutes') },
  ],
  samples: [
    {
      // Each room in use, its opening minutes in the month: the utilisation's denominator.
      key: 'roomOpenMinutes',
      async values(store, communityId, from, to) {
        const rooms = await queryAll<RoomDoc>(store, 'rooms', { where: { communityId } });
        return rooms.filter((r) => r.inUse).map((r) => openMinutes(r.hours, from, to));
      },
    },
  ],
  figures: [
    { key: 'bookings', label: '预约', format: 'count', value: (m) => m.sum('roomBookings'), trend: true },
    { key: 'completed', label: '已使用的预约', format: 'count', value: (m) => m.sum('roomCompleted') },
    { key: 'hours', label: '使用时长（小时）', format: 'decimal', value: (m) => m.sum('roomUsedMinutes') / 60 },
    { key: 'utilisation', label: '利用率（使用/开放时长）', format: 'percent', value: (m) => rate(m.sum('roomUsedMinutes'), m.total('roomOpenMinutes')), note: '各活动室开放时长按每周开放时间计算，逐室数字见“活动室使用情况”导出' },
    { key: 'noShows', label: '未签到', format: 'count', value: (m) => m.sum('roomNoShows'), trend: true },
  ],
};

const at = (ts: number | null | undefined) => (ts ? shanghaiDate(ts) : '');

/** Every booking of the community with its booker: staff see them on the day view already. */
export const BOOKING_EXPORT: ExportSpec = {
  key: 'bookings',
  label: '活动室预约',
  personal: true,
  columns: [
    { key: 'date', header: '日期', width: 12 },
    { key: 'time', header: '时间', width: 12 },
    { key: 'room', header: '活动室', width: 14 },
    { key: 'booker', header: '预约人', width: 12 },
    { key: 'purpose', header: '用途', width: 24 },
    { key: 'attendees', header: '人数', width: 8 },
    { key: 'status', header: '状态', width: 10 },
    { key: 'createdAt', header: '预约时间', width: 12 },
  ],
  async *rows(store, communityId) {
    for await (const page of pagesOf<BookingDoc>(store, 'bookings', { where: { communityId }, orderBy: [['date', 'desc'], ['startAt', 'desc']] })) {
      yield page.map((b) => ({
        date: b.date,
        time: `${b.start}–${b.end}`,
        room: b.roomName,
        booker: b.bookerName ?? b.publicLabel,
        purpose: b.purpose,
        attendees: b.attendees,
        status: BOOKING_STATUS_LABELS[b.status],
        createdAt: at(b.createdAt),
      }));
    }
  },
};

/** Each room over the last 30 days: hours open, hours used, utilisation, no-shows. */
export const ROOM_USE_EXPORT: ExportSpec = {
  key: 'roomUse',
  label: '活动室使用情况（近30天）',
  personal: false,
  columns: [
    { key: 'room', header: '活动室', width: 16 },
    { key: 'open', header: '开放时长（小时）', width: 16, numFmt: '0.0' },
    { key: 'used', header: '使用时长（小时）', width: 16, numFmt: '0.0' },
    { key: 'utilisation', header: '利用率', width: 10, numFmt: '0.0%' },
    { key: 'completed', header: '已使用的预约', width: 12 },
    { key: 'noShows', header: '未签到', width: 10 },
  ],
  async *rows(store, communityId) {
    const to = Date.now();
    const from = addDays(to, -30);
    for await (const rooms of pagesOf<RoomDoc>(store, 'rooms', { where: { communityId }, orderBy: [['createdAt', 'asc']] })) {
      const rows = [];
      for (const r of rooms) {
        const ended = await queryAll<BookingDoc>(store, 'bookings', { where: { roomId: r._id, status: { in: ['completed', 'no_show'] }, startAt: { gte: from, lt: to } } });
        const used = ended.filter((b) => b.status === 'completed').reduce((s, b) => s + b.minutes, 0);
        const open = openMinutes(r.hours, from, to);
        rows.push({ room: r.name, open: open / 60, used: used / 60, utilisation: rate(used, open) ?? '', completed: ended.filter((b) => b.status === 'completed').length, noShows: ended.filter((b) => b.status === 'no_show').length });
      }
      yield rows;
    }
  },
};
