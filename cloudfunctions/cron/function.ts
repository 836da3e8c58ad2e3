import { contract } from '@shared/contract';
import { runJobs } from '../core/jobs';
import { defineFunction, type CloudFunction, type Handler } from '../core/router';
import { isTimerEvent } from '../core/timer';
import { JOBS } from './jobs';

const tick: Handler<typeof contract.cron.tick> = async (_input, ctx) => ({ at: ctx.now, jobs: await runJobs(JOBS, ctx) });

const routed = defineFunction('cron', contract.cron, { tick });

/**
 * A timer trigger's event names no action, so one shaped like a trigger's is routed to `tick`. That shape is only
 * a routing hint: the router still refuses it unless the runtime vouches that the platform's timer sent it.
 */
export const cronFunction: CloudFunction = (runtime, event, context) =>
  routed(runtime, isTimerEvent(event) && event.action === undefined ? { ...event, action: 'tick' } : event, context);
