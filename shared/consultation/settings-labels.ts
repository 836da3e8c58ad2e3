import type { SettingLabel } from '../module';

/** How the consultation settings read on the community settings page. */
export const CONSULTATION_SETTINGS_TITLE = '居民议事厅';

export const CONSULTATION_SETTING_LABELS: Readonly<Record<string, SettingLabel>> = {
  noticeDays: { label: '协商公告提前天数', hint: '发布协商公告到开会之间至少隔几天，让居民有时间报名', unit: '天' },
  topicNeedsApproval: {
    label: '议题需要社区审核',
    hint: '主持人确定的议题，是否要社区工作者审核通过后才能进入下一步',
    options: { true: '需要审核', false: '不需要' },
  },
  earlyStartHours: { label: '最早提前开会时间', hint: '主持人最早可以在会议时间前几小时开始会议；更早开始须填写理由', unit: '小时' },
};
