import { z } from 'zod';
import { action } from '../action';
import { id, text } from '../fields';
import { attendees, date, reason, roomTarget, seriesTarget, time, type SeriesView } from './common';

/** Staff's recurring bookings for 兴趣班 and regular groups: every occurrence a real booking, confirmed a quarter at a time. */
export const seriesActions = {
  createSeries: action<SeriesView>()({
    input: z
      .object({
        roomId: id('活动室'),
        title: text('活动名称', { min: 2, max: 30 }),
        organizer: text('组织者', { min: 2, max: 30 }),
        weekday: z.number({ required_error: '请选择星期几', invalid_type_error: '请选择星期几' }).int('请选择星期几').min(0, '请选择星期几').max(6, '请选择星期几'),
        start: time('开始时间'),
        end: time('结束时间'),
        every: z.union([z.literal(1), z.literal(2)], { errorMap: () => ({ message: '请选择每周或隔周' }) }),
        firstDate: date('开始日期'),
        lastDate: date('结束日期').optional(),
        attendees,
      })
      .strict(),
    permission: { allow: ['staff'], community: 'target', target: roomTarget },
    summary: '新建固定预约（每周或隔周），本季度的每一场都是真实预约；冲突的场次列出，不会悄悄跳过',
    create: true,
  }),
  seriesList: action<SeriesView[]>()({
    input: z.object({ communityId: id('社区') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '固定预约列表（标出需要续期的）',
  }),
  series: action<SeriesView>()({
    input: z.object({ id: id('固定预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: seriesTarget },
    summary: '固定预约详情与场次',
  }),
  confirmSeries: action<SeriesView>()({
    input: z.object({ id: id('固定预约') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: seriesTarget },
    summary: '固定预约续期一个季度，并生成新的场次',
  }),
  endSeries: action<SeriesView>()({
    input: z.object({ id: id('固定预约'), reason }).strict(),
    permission: { allow: ['staff'], community: 'target', target: seriesTarget },
    summary: '结束固定预约，取消以后的场次（单独一场用“取消预约”）',
  }),
};
