import { z } from 'zod';
import { action } from './action';

/** What one run of the timed jobs did, job by job, in the order they ran. */
export interface CronReport {
  at: number;
  jobs: { name: string; done: number; more: boolean; error?: string }[];
}

/** The `cron` function: started by its timer trigger only. Every client is refused, signed in or not. */
export const cronContract = {
  tick: action<CronReport>()({
    input: z.object({}).strict(),
    permission: { allow: 'system' },
    summary: '定时任务：执行各模块到期的工作（仅系统定时触发）',
  }),
};
