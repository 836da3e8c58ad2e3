import { z } from 'zod';
import { action } from '../action';
import { choice, id, pageInput, text, type Page } from '../fields';
import { bookingTarget, date, rangeInput, reason, roomTarget, type BookingView, type MyStanding, type RoomCard } from './common';

export const bookingActions = {
  book: action<BookingView>()({
    input: z.object(rangeInput).strict(),
    permission: { allow: ['resident'], community: 'target', target: roomTarget },
    summary: '预约活动室（需审核的房间先待审核）；时段已被占用时答 SLOT_TAKEN，可加入候补',
    create: true,
  }),
  proxyBook: action<BookingView>()({
    input: z.object({ ...rangeInput, residentId: id('居民') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: roomTarget },
    summary: '代办：为本社区居民预约（预约算在居民名下，直接生效）',
    create: true,
  }),
  booking: action<BookingView>()({
    input: z.object({ id: id('预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget, owner: 'bookerId' },
    summary: '预约详情',
  }),
  myBookings: action<Page<BookingView>>()({
    input: z.object({ when: choice('范围', ['upcoming', 'past']).default('upcoming'), ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我的预约：将要进行的（含候补保留）按时间先后，以往的由近及远',
  }),
  myStanding: action<MyStanding>()({
    input: z.object({ communityId: id('社区') }).strict(),
    permission: { allow: ['resident'], community: 'input' },
    summary: '我的预约额度，以及是否被暂停预约（原因和到何时）',
  }),
  cancel: action<BookingView>()({
    input: z.object({ id: id('预约'), reason: reason.optional() }).strict(),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget, owner: 'bookerId' },
    summary: '取消预约：本人在截止时间前；社区工作者随时，须写原因。空出的时段依次给候补的居民',
  }),
  review: action<BookingView>()({
    input: z
      .object({ id: id('预约'), approve: z.boolean({ required_error: '请选择通过或不通过' }), reason: text('理由', { min: 0, max: 200 }).optional() })
      .strict()
      .refine((v) => v.approve || (v.reason ?? '').length > 0, { message: '不通过时请填写理由', path: ['reason'] }),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget },
    summary: '审核预约：通过，或写明理由不通过（时段随之释放）',
  }),
  checkIn: action<BookingView>()({
    input: z.object({ roomId: id('活动室'), code: z.string({ required_error: '请输入签到码', invalid_type_error: '签到码格式不正确' }).trim().regex(/^\d{4,8}$/, '签到码是门口二维码下方的数字') }).strict(),
    permission: { allow: ['resident'], community: 'target', target: roomTarget },
    summary: '签到：扫门口二维码或输入签到码，签到本人在这间活动室、签到时间内的预约',
  }),
  markCheckedIn: action<BookingView>()({
    input: z.object({ id: id('预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget },
    summary: '社区工作者标记已签到（签到时间内）',
  }),
  approvalQueue: action<Page<BookingView>>()({
    input: z.object({ communityId: id('社区'), ...pageInput }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '待审核的预约，开始时间早的在前',
  }),
  dayView: action<{ date: string; rooms: { room: RoomCard; bookings: BookingView[] }[] }>()({
    input: z.object({ communityId: id('社区'), date: date() }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '某一天所有活动室的预约（含预约人）',
  }),
};
