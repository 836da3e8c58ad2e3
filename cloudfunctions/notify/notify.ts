import type { EventData, EventSpec } from '@shared/notify/events';
import { newId } from '../core/ids';
import type { Runtime } from '../core/runtime';
import type { Store, TxStore } from '../core/store/port';
import { deliverOutboxIds } from './deliver';
import type { OutboxDoc } from './records';

/** What `notify` needs from its caller; a handler's context has it all, a timer job only the time. */
export interface NotifyContext {
  now: number;
  store?: Store;
  runtime?: Runtime;
  afterCommit?(job: () => Promise<void>): void;
}

/**
 * Tells people about an event, inside the change's transaction, by writing one outbox document: one write however
 * many recipients, so the transaction stays short. Inbox items and subscription messages are written after the
 * commit (at once when called from a handler, else by the cron's `deliverOutbox`). A given `id` makes the call
 * idempotent for jobs that may run twice; nothing is written when nobody is to be told.
 */
export async function notify<D extends EventData>(
  ctx: NotifyContext,
  tx: TxStore,
  event: EventSpec<D>,
  recipients: string[],
  data: D,
  options: { id?: string } = {},
): Promise<string | null> {
  const unique = [...new Set(recipients)];
  if (!unique.length) return null;
  const doc: OutboxDoc = {
    _id: options.id ?? newId('ob'),
    event: event.name,
    communityId: data.communityId,
    recipients: unique,
    data: { ...data } as Record<string, unknown>,
    createdAt: ctx.now,
    delivered: false,
    progress: 0,
    deliveredAt: null,
  };
  await tx.create('outbox', doc);
  const { store, runtime, afterCommit } = ctx;
  // A retried transaction registers its earlier attempt's id too; delivery skips ids that were never committed.
  if (store && runtime && afterCommit) afterCommit(() => deliverOutboxIds(store, runtime, runtime.now(), [doc._id]).then(() => undefined));
  return doc._id;
}
