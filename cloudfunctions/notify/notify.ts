import type { EventData, NotifyEvent } from '@shared/events';
import { eventOfType } from '@shared/notify/registry';
import { newId } from '../core/ids';
import type { Runtime } from '../core/runtime';
import type { Store, TxStore } from '../core/store/port';
import { deliverOutboxIds } from './deliver';
import type { OutboxDoc } from './records';

/** What `notify` needs from its caller: a handler's or a job's context has it all; a bare time is enough too. */
export interface NotifyContext {
  now: number;
  store?: Store;
  runtime?: Runtime;
  afterCommit?(job: () => Promise<void>): void;
}

/**
 * Tells people that something happened, inside the change's transaction (`change()`'s `also`, or a handler's own),
 * by writing one outbox document: one write however many recipients, so the transaction stays short. Each
 * recipient's inbox item, and their subscription message where wanted, are written after the commit: at once when
 * the context can run work after it, else by the cron's `deliverOutbox`. A given `id` makes the call idempotent for
 * jobs that may run twice: when that entry exists, nothing is written. Returns the entry's id when one was written.
 */
export async function notify<D extends EventData>(
  ctx: NotifyContext,
  tx: TxStore,
  event: NotifyEvent<D>,
  recipients: readonly string[],
  options: { id?: string } = {},
): Promise<string | null> {
  // An event no manifest declares could never be delivered: refuse it here, where the mistake is.
  if (!eventOfType(event.type)) throw new Error(`notify: no module declares the event ${event.type}`);
  const unique = [...new Set(recipients)];
  if (!unique.length) return null;
  if (options.id && (await tx.get('outbox', options.id))) return null;
  const doc: OutboxDoc = {
    _id: options.id ?? newId('ob'),
    event: event.type,
    communityId: event.data.communityId,
    recipients: unique,
    data: { ...event.data } as Record<string, unknown>,
    createdAt: ctx.now,
    delivered: false,
    progress: 0,
    deliveredAt: null,
  };
  await tx.create('outbox', doc);
  const { store, runtime, afterCommit } = ctx;
  // A retried transaction registers its earlier attempt's id too; delivery skips ids that were never committed.
  if (store && runtime && afterCommit) afterCommit(async () => void (await deliverOutboxIds(store, runtime, runtime.now(), [doc._id])));
  return doc._id;
}

/** Whether the entry a job writes under its own id is there already, so the job can skip the work of making it. */
export async function notified(store: Store, id: string): Promise<boolean> {
  return (await store.get('outbox', id)) !== null;
}
