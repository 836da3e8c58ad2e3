/**
 * When the `cron` function runs. CloudBase timer syntax has seven fields (second minute hour day month weekday
 * year) and runs in Shanghai time; every five minutes is often enough for the deadlines the domain has (a
 * scheduled notice, a reminder the day before, the audit sealing window). The build writes this trigger into
 * the function's config.json; the local cloud runs on the same period.
 */
export const CRON_TRIGGER = { name: 'every-5-minutes', type: 'timer', config: '0 */5 * * * * *' } as const;

export const CRON_PERIOD_MS = 5 * 60_000;
