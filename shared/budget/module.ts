import { z } from 'zod';
import { budgetContract } from '../contract/budget';
import { defineModule, settingsFor, type ModuleSettings } from '../module';
import { BUDGET_EVENTS } from './notifications';
import { SELECTION_RULE_LABELS } from './results';
import { VOTER_UNIT_LABELS } from './voter-unit';
import { BUDGET_AUDIT_LABELS } from './timeline';

const settings = {
  schema: z.object({
    /** The voter unit a new round starts with (一人一票 or 一户一票). */
    voterUnit: z.enum(['resident', 'household'], { errorMap: () => ({ message: '请选择投票单位' }) }),
    /** The selection rule a new round starts with. */
    selectionRule: z.enum(['greedy', 'mes'], { errorMap: () => ({ message: '请选择计票规则' }) }),
    /** Days residents may rate a finished project. */
    ratingDays: z.number({ invalid_type_error: '评价天数格式不正确' }).int('评价天数须为整数').min(1, '评价期至少1天').max(90, '评价期最多90天'),
  }),
  defaults: { voterUnit: 'resident' as const, selectionRule: 'mes' as const, ratingDays: 30 },
  title: '创享计划',
  labels: {
    voterUnit: { label: '新一轮的投票单位', hint: '新建一轮时默认按人投票还是按户投票，每轮还可以单独改', options: VOTER_UNIT_LABELS },
    selectionRule: { label: '新一轮的计票规则', hint: '两种结果都会公示，这里选定哪一种算数', options: SELECTION_RULE_LABELS },
    ratingDays: { label: '项目完成后的评价天数', hint: '项目完成后，居民在这些天内可以评价满意度', unit: '天' },
  },
} satisfies ModuleSettings;

export type BudgetSettings = z.infer<typeof settings.schema>;

export const budgetModule = defineModule({
  name: 'budget',
  contract: budgetContract,
  settings,
  noticeCategories: ['创享计划'],
  auditLabels: BUDGET_AUDIT_LABELS,
  events: BUDGET_EVENTS,
});

export function budgetSettingsOf(community: { settings: unknown }): BudgetSettings {
  return settingsFor(community.settings, budgetModule.name, settings);
}
