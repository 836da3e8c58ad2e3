import type { notifyContract, OutboxView } from '@shared/notify/contract';
import { eventOfType } from '@shared/notify/registry';
import type { Handler } from '../core/router';
import type { Store } from '../core/store/port';
import type { OutboxDoc, SendDoc } from './records';

type C = typeof notifyContract;

/** Recipients' send states shown per entry; the page is for looking, not for auditing a crowd. */
const SENDS_SHOWN = 50;

async function view(store: Store, doc: OutboxDoc): Promise<OutboxView> {
  const event = eventOfType(doc.event);
  const sends = await store.query<SendDoc>('subscriptionSends', { where: { outboxId: doc._id }, limit: SENDS_SHOWN });
  return {
    id: doc._id,
    event: doc.event,
    label: event?.label ?? doc.event,
    title: event ? event.title(doc.data as never) : doc.event,
    link: event ? event.link(doc.data as never) : null,
    recipients: doc.recipients.length,
    delivered: doc.delivered,
    createdAt: doc.createdAt,
    sends: sends.items.map((s) => ({ userId: s.userId, state: s.state, reason: s.reason, tries: s.tries, nextAt: s.nextAt })),
  };
}

/** The community's outbox, newest first, with each recipient's subscription-message state. */
export const listOutbox: Handler<C['listOutbox']> = async (input, ctx) => {
  const page = await ctx.store.query<OutboxDoc>('outbox', {
    where: { communityId: input.communityId },
    orderBy: [['createdAt', 'desc'], ['_id', 'desc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: await Promise.all(page.items.map((doc) => view(ctx.store, doc))), nextCursor: page.nextCursor };
};
