import type { CloudEvent } from '../core/router';
import { cloudbaseRuntime } from '../core/runtime-cloudbase';
import { dashboardFunction } from './function';

/** The CloudBase entry (handler `index.main`). Identity comes from `context`, never from `event`. */
export async function main(event: CloudEvent, context: unknown) {
  return dashboardFunction(cloudbaseRuntime(), event, context);
}
