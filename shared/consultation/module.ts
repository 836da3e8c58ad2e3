import { z } from 'zod';
import { consultationContract } from '../contract/consultation';
import { defineModule, settingsFor, type ModuleSettings } from '../module';
import { CONSULTATION_EVENTS } from './notifications';
import { CONSULTATION_SETTING_LABELS, CONSULTATION_SETTINGS_TITLE } from './settings-labels';
import { TIMELINE_LABELS } from './timeline';

const settings = {
  schema: z.object({
    /** Days between a consultation notice and its meeting (DOMAIN §3 step 4). */
    noticeDays: z.number({ invalid_type_error: '提前天数格式不正确' }).int('提前天数须为整数').min(0, '提前天数不能为负').max(30, '提前天数最多30天'),
    /** Whether staff must approve a consultation topic (step 2). */
    topicNeedsApproval: z.boolean({ invalid_type_error: '请选择是否需要审核' }),
    /** Hours before the scheduled time from which the host may open the meeting; earlier needs a reason (step 5). */
    earlyStartHours: z
      .number({ invalid_type_error: '提前开始的小时数格式不正确' })
      .int('提前开始的小时数须为整数')
      .min(0, '提前开始的小时数不能为负')
      .max(72, '提前开始的小时数最多72小时'),
  }),
  defaults: { noticeDays: 3, topicNeedsApproval: false, earlyStartHours: 2 },
} satisfies ModuleSettings;

export type ConsultationSettings = z.infer<typeof settings.schema>;

export const consultationModule = defineModule({
  name: 'consultation',
  contract: consultationContract,
  settings: { ...settings, title: CONSULTATION_SETTINGS_TITLE, labels: CONSULTATION_SETTING_LABELS },
  noticeCategories: ['协商公告', '结果公示'],
  auditLabels: TIMELINE_LABELS,
  events: CONSULTATION_EVENTS,
  residentsCan: '提意见和附议、报名参加议事、投票',
});

/** A community's consultation settings, with the defaults for anything never set. */
export function consultationSettingsOf(community: { settings: unknown }): ConsultationSettings {
  return settingsFor(community.settings, consultationModule.name, settings);
}
