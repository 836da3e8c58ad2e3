import { z } from 'zod';
import { settingsFor, type ModuleSettings } from '../module';

const whole = (what: string, min: number, max: number, unit: string) =>
  z.number({ invalid_type_error: `${what}格式不正确` }).int(`${what}须为整数`).min(min, `${what}至少${min}${unit}`).max(max, `${what}最多${max}${unit}`);

/** Each community's 活动室 limits (DOMAIN §2), kept under `settings.room` and changed by its staff. */
export const roomSettings = {
  schema: z.object({
    maxActiveBookings: whole('未完成的预约数', 1, 20, '个'),
    maxHoursPerWeek: whole('每周预约时长', 1, 40, '小时'),
    cancelCutoffHours: whole('取消截止时间', 0, 72, '小时'),
    noShowLimit: whole('未签到次数', 1, 10, '次'),
    suspendDays: whole('暂停天数', 1, 90, '天'),
    holdMinutes: whole('候补保留时间', 5, 240, '分钟'),
  }),
  defaults: {
    maxActiveBookings: 3,
    maxHoursPerWeek: 6,
    cancelCutoffHours: 2,
    noShowLimit: 3,
    suspendDays: 14,
    holdMinutes: 30,
  },
  title: '活动室预约',
  labels: {
    maxActiveBookings: { label: '每人未完成的预约数', hint: '一位居民最多同时有几个待审核或已预约的预约', unit: '个' },
    maxHoursPerWeek: { label: '每人每周预约时长', hint: '一位居民一周（周一到周日）最多预约几个小时', unit: '小时' },
    cancelCutoffHours: { label: '自行取消的截止时间', hint: '开始前多少小时内居民不能自己取消，须联系社区工作者', unit: '小时' },
    noShowLimit: { label: '暂停预约前的未签到次数', hint: '30天内预约后未签到达到这个次数，暂停预约', unit: '次' },
    suspendDays: { label: '暂停预约天数', hint: '因多次未签到被暂停预约的天数', unit: '天' },
    holdMinutes: { label: '候补保留时间', hint: '有人取消后，为排在最前的候补居民保留这段时间，过时顺延给下一位', unit: '分钟' },
  },
} satisfies ModuleSettings;

export type RoomSettings = z.infer<typeof roomSettings.schema>;

/** A community's 活动室 settings, with the defaults for anything never set. */
export function roomSettingsOf(community: { settings: unknown }): RoomSettings {
  return settingsFor(community.settings, 'room', roomSettings);
}
