import { z } from 'zod';
import { BLACKOUT_KINDS, ROOM_KINDS, SLOT_SIZES } from '../../room/rules';
import { action } from '../action';
import { choice, fileIds, id, text, timestamp } from '../fields';
import { date, roomTarget, time, type BlackoutView, type BookingView, type RoomGrid, type RoomView } from './common';

const hoursOfDay = z
  .object({ open: time('开门时间'), close: time('关门时间') })
  .strict()
  .refine((h) => h.close > h.open, { message: '关门时间须晚于开门时间', path: ['close'] })
  .nullable();

const roomFields = {
  name: text('名称', { min: 2, max: 20 }),
  kind: choice('类型', ROOM_KINDS),
  capacity: z.number({ required_error: '请填写容纳人数', invalid_type_error: '容纳人数须为数字' }).int('容纳人数须为整数').min(1, '容纳人数至少1人').max(500, '容纳人数最多500人'),
  facilities: z.array(text('设施', { max: 12 }), { invalid_type_error: '设施格式不正确' }).max(20, '设施最多20项').default([]),
  photos: fileIds('照片', 6).default([]),
  hours: z.array(hoursOfDay, { required_error: '请填写开放时间', invalid_type_error: '开放时间格式不正确' }).length(7, '请填写周一到周日的开放时间'),
  slotMinutes: z.union([z.literal(SLOT_SIZES[0]), z.literal(SLOT_SIZES[1]), z.literal(SLOT_SIZES[2])], { errorMap: () => ({ message: '时段长度可选15、30或60分钟' }) }),
  maxMinutes: z.number({ required_error: '请填写最长预约时长', invalid_type_error: '最长预约时长须为数字' }).int('最长预约时长须为整数').min(15, '最长预约时长至少15分钟').max(720, '最长预约时长最多12小时'),
  horizonDays: z.number({ required_error: '请填写可提前预约的天数', invalid_type_error: '天数须为数字' }).int('天数须为整数').min(1, '至少可提前1天').max(90, '最多可提前90天'),
  needsApproval: z.boolean({ required_error: '请选择是否需要审核', invalid_type_error: '请选择是否需要审核' }),
  rules: text('使用须知', { min: 0, max: 1000 }).default(''),
};

const slotFits = (r: { maxMinutes?: number; slotMinutes?: number }) => r.maxMinutes === undefined || r.slotMinutes === undefined || r.maxMinutes % r.slotMinutes === 0;
const slotFitsMessage = { message: '最长预约时长须是时段长度的整数倍', path: ['maxMinutes'] };

export const roomActions = {
  rooms: action<RoomView[]>()({
    input: z.object({ communityId: id('社区'), includeOutOfUse: z.boolean().optional() }).strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'input' },
    summary: '本社区的活动室（照片、设施、开放时间）；停用的只有社区工作者看得到',
  }),
  room: action<RoomView>()({
    input: z.object({ roomId: id('活动室') }).strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'target', target: roomTarget },
    summary: '活动室详情（签到码只给社区工作者）',
  }),
  createRoom: action<RoomView>()({
    input: z
      .object({ communityId: id('社区'), ...roomFields })
      .strict()
      .refine(slotFits, slotFitsMessage),
    permission: { allow: ['staff'], community: 'input' },
    summary: '新建活动室（自动生成签到码）',
    create: true,
  }),
  updateRoom: action<RoomView>()({
    input: z
      .object({ roomId: id('活动室'), ...z.object(roomFields).partial().shape, inUse: z.boolean({ invalid_type_error: '请选择是否启用' }).optional() })
      .strict()
      .refine(slotFits, slotFitsMessage),
    permission: { allow: ['staff'], community: 'target', target: roomTarget },
    summary: '修改活动室（只改所填的项；已有预约不受影响）',
  }),
  resetCheckInCode: action<RoomView>()({
    input: z.object({ roomId: id('活动室') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: roomTarget },
    summary: '更换签到码（旧的门口二维码随之失效，需重新打印）',
  }),
  doorQr: action<{ roomId: string; roomName: string; image: string; source: 'wxacode' | 'qrcode'; scene: string; page: string; checkInCode: string }>()({
    input: z.object({ roomId: id('活动室') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: roomTarget },
    summary: '门口签到二维码（微信小程序码；本地或打印备用为普通二维码），图下印签到码',
  }),
  blackouts: action<BlackoutView[]>()({
    input: z.object({ communityId: id('社区'), roomId: id('活动室').optional() }).strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'input' },
    summary: '尚未结束的停用时段（装修、节假日、社区活动）',
  }),
  addBlackout: action<BlackoutView & { clashes: BookingView[] }>()({
    input: z
      .object({
        communityId: id('社区'),
        roomId: id('活动室').nullable(),
        kind: choice('停用类型', BLACKOUT_KINDS),
        reason: text('说明', { min: 2, max: 100 }),
        from: timestamp('开始时间'),
        to: timestamp('结束时间'),
      })
      .strict()
      .refine((b) => b.to > b.from, { message: '结束时间须晚于开始时间', path: ['to'] }),
    permission: { allow: ['staff'], community: 'input' },
    summary: '设置停用时段（某个活动室或全部）；已有的预约不自动取消，列在 clashes 里请社区工作者逐个处理',
    create: true,
  }),
  removeBlackout: action<{ id: string }>()({
    input: z.object({ id: id('停用时段') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: { collection: 'roomBlackouts', idField: 'id' } },
    summary: '取消停用时段',
  }),
  grid: action<RoomGrid>()({
    input: z
      .object({
        communityId: id('社区'),
        roomId: id('活动室').optional(),
        from: date('开始日期'),
        days: z.union([z.literal(1), z.literal(7)], { errorMap: () => ({ message: '按天或按周查看' }) }),
      })
      .strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'input' },
    summary: '空闲情况：每个时段空闲、已约（议事厅会议显示议题）或不开放，按天或按周',
  }),
};
