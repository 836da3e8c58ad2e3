import { defineEvent, type EventData } from '../events';
import { formatShanghai } from '../time';

export interface BookingEventData extends EventData {
  bookingId: string;
  roomName: string;
  /** The booking's start. */
  startAt: number;
}

interface ReasonData extends BookingEventData {
  reason: string;
}

interface OfferData extends BookingEventData {
  holdUntil: number;
}

interface SeriesData extends EventData {
  seriesId: string;
  roomName: string;
  title: string;
  confirmedUntil: string;
}

/** The page a booking's message opens (the resident's booking page in `packages/room`). */
export const bookingPage = (id: string) => `packages/room/booking/index?id=${id}`;
export const seriesPage = (id: string) => `packages/room/series/index?id=${id}`;

const link = (d: BookingEventData) => ({ module: 'room', id: d.bookingId });
const page = (d: BookingEventData) => bookingPage(d.bookingId);
const when = (d: BookingEventData) => formatShanghai(d.startAt, 'M月D日 HH:mm');

export const bookingApproved = defineEvent<BookingEventData>({
  type: 'room.approved',
  label: '预约审核通过',
  when: '社区审核通过您的活动室预约时',
  title: () => '您的活动室预约已通过',
  body: (d) => `${d.roomName} ${when(d)} 的预约已通过审核，请在开始前后15分钟内签到。`,
  link,
  template: { key: 'ROOM_STATUS', page, fields: (d) => ({ thing1: d.roomName, time2: d.startAt, phrase3: '已通过', thing4: '请按时签到' }) },
});

export const bookingRejected = defineEvent<ReasonData>({
  type: 'room.rejected',
  label: '预约未通过',
  when: '社区未通过您的活动室预约时',
  title: () => '您的活动室预约未通过',
  body: (d) => `${d.roomName} ${when(d)} 的预约未通过：${d.reason}`,
  link,
  template: { key: 'ROOM_STATUS', page, fields: (d) => ({ thing1: d.roomName, time2: d.startAt, phrase3: '未通过', thing4: d.reason }) },
});

export const bookingCancelledByStaff = defineEvent<ReasonData>({
  type: 'room.cancelled',
  label: '预约被取消',
  when: '社区工作者取消您的活动室预约时',
  title: () => '您的活动室预约已被取消',
  body: (d) => `${d.roomName} ${when(d)} 的预约已被社区取消：${d.reason}`,
  link,
  template: { key: 'ROOM_STATUS', page, fields: (d) => ({ thing1: d.roomName, time2: d.startAt, phrase3: '已取消', thing4: d.reason }) },
});

export const bookingNoShow = defineEvent<ReasonData>({
  type: 'room.noShow',
  label: '预约未签到',
  when: '预约开始15分钟后仍未签到、时段被释放时',
  title: () => '您的活动室预约未签到',
  body: (d) => `${d.roomName} ${when(d)} 的预约未签到，时段已释放。${d.reason}`,
  link,
  template: { key: 'ROOM_STATUS', page, fields: (d) => ({ thing1: d.roomName, time2: d.startAt, phrase3: '未签到', thing4: d.reason }) },
});

export const waitlistOffered = defineEvent<OfferData>({
  type: 'room.offered',
  label: '候补到位',
  when: '您候补的活动室时段空出、为您保留时',
  title: () => '您候补的活动室时段空出来了',
  body: (d) => `${d.roomName} ${when(d)} 已为您保留到${formatShanghai(d.holdUntil, 'HH:mm')}，请在此之前确认，过时将顺延给下一位。`,
  link,
  template: { key: 'ROOM_STATUS', page, fields: (d) => ({ thing1: d.roomName, time2: d.startAt, phrase3: '候补到位', thing4: `请在${formatShanghai(d.holdUntil, 'HH:mm')}前确认` }) },
});

export const seriesNeedsConfirming = defineEvent<SeriesData>({
  type: 'room.seriesConfirm',
  label: '固定预约待续期',
  when: '固定预约（兴趣班等）到期前，需要社区工作者确认下一季度时',
  title: () => '固定预约需要续期',
  body: (d) => `${d.roomName}“${d.title}”的固定预约只确认到${d.confirmedUntil}，请确认是否继续下一季度。`,
  link: (d) => ({ module: 'roomSeries', id: d.seriesId }),
  template: { key: 'ROOM_STATUS', page: (d) => seriesPage(d.seriesId), fields: (d) => ({ thing1: d.roomName, time2: d.confirmedUntil, phrase3: '待续期', thing4: d.title }) },
});

export const ROOM_EVENTS = [bookingApproved, bookingRejected, bookingCancelledByStaff, bookingNoShow, waitlistOffered, seriesNeedsConfirming];
