import { z } from 'zod';
import { budgetContract } from '../contract/budget';
import { defineModule, settingsFor, type ModuleSettings } from '../module';
import { BUDGET_EVENTS } from './notifications';
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
