import type { CloudEvent } from '../core/router';
import { cloudbaseRuntime } from '../core/runtime-cloudbase';
import { FUNCTIONS } from '../modules';

/** The CloudBase entry (handler `index.main`), started by the timer trigger in config.json. */
export async function main(event: CloudEvent, context: unknown) {
  return FUNCTIONS.cron(cloudbaseRuntime(), event, context);
}
