import { dashboardContract } from '../contract/dashboard';
import { defineModule } from '../module';

/** The staff dashboard: it reads what the other modules declare and names none of them. */
export const dashboardModule = defineModule({
  name: 'dashboard',
  contract: dashboardContract,
  auditLabels: { 'dashboard.export': '导出数据' },
});
