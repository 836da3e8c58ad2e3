import { z } from 'zod';
import { settingsFor, type ModuleSettings } from '../module';

/** Each community's 微心愿 rules (DOMAIN §1), kept under `settings.wish` and changed by its staff. */
export const wishSettings = {
  schema: z.object({
    maxOpenWishes: z.number({ invalid_type_error: '心愿数量格式不正确' }).int('心愿数量须为整数').min(1, '每人至少可许1个心愿').max(20, '每人最多20个心愿'),
    maxValue: z.number({ invalid_type_error: '金额格式不正确' }).int('金额须为整数').min(1, '金额至少1元').max(10000, '金额最多10000元'),
    categories: z
      .array(z.string({ invalid_type_error: '分类格式不正确' }).trim().min(1, '分类不能为空').max(8, '分类最多8个字'), { invalid_type_error: '分类格式不正确' })
      .min(1, '至少保留一个分类')
      .max(12, '最多12个分类'),
    longestPromiseDays: z.number({ invalid_type_error: '天数格式不正确' }).int('天数须为整数').min(1, '至少1天').max(90, '最多90天'),
    pointsPerWish: z.number({ invalid_type_error: '积分格式不正确' }).int('积分须为整数').min(1, '积分至少为1').max(100, '积分最多100'),
  }),
  defaults: {
    maxOpenWishes: 3,
    maxValue: 500,
    categories: ['生活用品', '学习用品', '助老服务', '维修帮忙', '陪伴关怀', '其他'],
    longestPromiseDays: 30,
    pointsPerWish: 10,
  },
  title: '微心愿',
  labels: {
    maxOpenWishes: { label: '每人同时进行的心愿数', hint: '一位居民最多同时有几个心愿在审核、认领或实现中', unit: '个' },
    maxValue: { label: '心愿最高估价', hint: '超过这个金额的心愿请走其他帮扶渠道', unit: '元' },
    categories: { label: '心愿分类', hint: '用顿号分开，例如：生活用品、助老服务' },
    longestPromiseDays: { label: '最长承诺天数', hint: '认领人承诺完成的日期，最晚在认领后几天', unit: '天' },
    pointsPerWish: { label: '每个心愿的爱心积分', hint: '心愿确认完成后，认领人得到的积分', unit: '分' },
  },
} satisfies ModuleSettings;

export type WishSettings = z.infer<typeof wishSettings.schema>;

/** A community's 微心愿 settings, with the defaults for anything never set. */
export function wishSettingsOf(community: { settings: unknown }): WishSettings {
  return settingsFor(community.settings, 'wish', wishSettings);
}
