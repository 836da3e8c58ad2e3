import type { HandlerContext } from './router';

/** What one run of a job did: how many items it changed, and whether due items were left for the next run. */
export interface JobOutcome {
  done: number;
  more: boolean;
}

/**
 * A module's timed work, run by the `cron` function as the system actor. A run handles at most `batch` due items,
 * found by a due-time index, and leaves the rest for the next run, so one run stays inside the function's time
 * limit. Each item is changed under a guard on the state it was found in: a run that is cut short, repeated or
 * overlapping another changes nothing twice.
 */
export interface Job {
  /** `<module>.<what>`, as the run's report and the log name it. */
  name: string;
  batch: number;
  run(ctx: HandlerContext, batch: number): Promise<JobOutcome>;
}

export interface JobReport extends JobOutcome {
  name: string;
  /** Why the job failed this run; the others still ran. */
  error?: string;
}

/** Runs every job in order. A job that throws is logged and reported, and the ones after it run all the same. */
export async function runJobs(jobs: readonly Job[], ctx: HandlerContext): Promise<JobReport[]> {
  const reports: JobReport[] = [];
  for (const job of jobs) reports.push(await runJob(job, ctx));
  return reports;
}

async function runJob(job: Job, ctx: HandlerContext): Promise<JobReport> {
  try {
    return { name: job.name, ...(await job.run(ctx, job.batch)) };
  } catch (error) {
    ctx.runtime.log('error', 'cron job failed', {
      job: job.name,
      requestId: ctx.requestId,
      error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
    });
    return { name: job.name, done: 0, more: true, error: error instanceof Error ? error.message : String(error) };
  }
}
