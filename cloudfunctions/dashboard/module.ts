import { dashboardModule } from '@shared/dashboard/module';
import { defineServerModule } from '../core/module';
import { RATING_LEVELS, satisfactionRate } from '../core/stats';
import { foldAuditJob } from './fold';
import { dashboardFunction } from './function';
import { sampleJob } from './sample';

/**
 * 满意度 across every module that asks residents to rate: they keep their ratings under the same keys
 * (`ratingMeasures`), so the sum names none of them.
 */
const SATISFACTION = {
  title: '满意度',
  measures: [],
  figures: [
    ...RATING_LEVELS.map((level, i) => ({ key: level, label: ['满意', '基本满意', '不满意'][i], format: 'count' as const, value: (m: { sum(k: string): number }) => m.sum(`rated_${level}`) })),
    { key: 'rate', label: '满意率', format: 'percent' as const, value: (m: { sum(k: string): number }) => satisfactionRate(m, 'rated'), trend: true, note: '（满意＋基本满意）÷全部评价，含议事与创享计划项目' },
  ],
};

export const dashboardServerModule = defineServerModule({
  shared: dashboardModule,
  fn: dashboardFunction,
  collections: {
    // A community's months of a period, and the street's (every community) of the same months.
    statMonths: [{ fields: [['communityId', 'asc'], ['month', 'asc']] }, { fields: [['month', 'asc']] }],
    statUniques: [{ fields: [['communityId', 'asc'], ['period', 'asc']] }, { fields: [['period', 'asc']] }],
    // Read and written by id only.
    statMarks: [],
    statCursor: [],
  },
  // After every module's own jobs, so what they changed this run is in line for the next fold.
  jobs: [foldAuditJob, sampleJob],
  stats: [SATISFACTION],
});
