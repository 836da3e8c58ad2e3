import { z } from 'zod';
import { action } from '../action';
import { id, pageInput, type Page } from '../fields';
import { bookingTarget, rangeInput, roomTarget, waitTarget, type BookingView, type WaitView } from './common';

/**
 * The ordered waitlist: a resident queues for a taken range; when it frees, the first in line whose range is free
 * is offered it with a hold (a booking in state `offered` until `holdUntil`), through a notification.
 */
export const waitlistActions = {
  joinWaitlist: action<WaitView>()({
    input: z.object(rangeInput).strict(),
    permission: { allow: ['resident'], community: 'target', target: roomTarget },
    summary: '候补已被占用的时段（先到先得，空出时依次保留给排在前面的人）',
    create: true,
  }),
  leaveWaitlist: action<WaitView>()({
    input: z.object({ id: id('候补') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: waitTarget, owner: 'userId' },
    summary: '退出候补',
  }),
  myWaits: action<Page<WaitView>>()({
    input: z.object({ ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我的候补（排第几位，保留中的可确认）',
  }),
  acceptOffer: action<BookingView>()({
    input: z.object({ id: id('预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget, owner: 'bookerId' },
    summary: '确认候补保留的时段（需审核的房间转为待审核）；本人，或社区工作者电话确认后代为确认',
  }),
  declineOffer: action<BookingView>()({
    input: z.object({ id: id('预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: bookingTarget, owner: 'bookerId' },
    summary: '放弃候补保留的时段（顺延给下一位）；本人或社区工作者',
  }),
};
