import { cronContract } from '@shared/contract/cron';
import { runJobs } from '../core/jobs';
import type { ServerModule } from '../core/module';
import { defineFunction, type CloudFunction } from '../core/router';
import { isTimerEvent } from '../core/timer';
import { cronJobs } from './jobs';

/**
 * The `cron` function over the given modules' jobs. It is handed the module list (`cloudfunctions/modules.ts`)
 * rather than importing it, since that list serves this function too.
 *
 * A timer trigger's event names no action, so one shaped like a trigger's is routed to `tick`. That shape is only
 * a routing hint: the router still refuses it unless the runtime vouches that the platform's timer sent it.
 */
export function cronFunction(modules: readonly ServerModule[]): CloudFunction {
  const jobs = cronJobs(modules);
  const routed = defineFunction('cron', cronContract, {
    tick: async (_input, ctx) => ({ at: ctx.now, jobs: await runJobs(jobs, ctx) }),
  });
  return (runtime, event, context) => routed(runtime, isTimerEvent(event) && event.action === undefined ? { ...event, action: 'tick' } : event, context);
}
