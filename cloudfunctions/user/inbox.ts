import type { InboxItem, userContract } from '@shared/contract';
import type { Handler } from '../core/router';
import { DuplicateError, type Store } from '../core/store/port';

/** An in-app message. Every module tells people through the notification module, which writes these. */
export interface InboxDoc {
  _id: string;
  userId: string;
  title: string;
  body: string;
  link: { module: string; id: string } | null;
  read: boolean;
  createdAt: number;
}

type C = typeof userContract;

/**
 * Puts a message in someone's inbox unless one with its id is there already; true when this call wrote it. The
 * notification module's delivery is the one caller: ids are made from the notification and the person, so
 * delivering twice writes once.
 */
export async function addToInbox(store: Store, item: InboxDoc): Promise<boolean> {
  try {
    await store.create('inbox', item);
    return true;
  } catch (error) {
    if (error instanceof DuplicateError) return false;
    throw error;
  }
}

function inboxItem(d: InboxDoc): InboxItem {
  return { id: d._id, title: d.title, body: d.body, link: d.link, read: d.read, createdAt: d.createdAt };
}

export const inbox: Handler<C['inbox']> = async (input, ctx) => {
  const userId = ctx.caller.user?._id;
  if (!userId) return { items: [], nextCursor: null, unread: 0 };
  const [page, unread] = await Promise.all([
    ctx.store.query<InboxDoc>('inbox', { where: { userId }, orderBy: [['createdAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor }),
    ctx.store.count('inbox', { userId, read: false }),
  ]);
  return { items: page.items.map(inboxItem), nextCursor: page.nextCursor, unread };
};

export const markInboxRead: Handler<C['markInboxRead']> = async (input, ctx) => {
  const userId = ctx.caller.user?._id;
  if (!userId) return { updated: 0 };
  let updated = 0;
  for (const id of input.ids) {
    // The owner condition keeps anyone from marking another person's messages.
    if (await ctx.store.update('inbox', id, { read: true }, { if: { userId, read: false } })) updated++;
  }
  return { updated };
};

/** The person's inbox, for the privacy export. */
export async function inboxRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const page = await store.query('inbox', { where: { userId }, orderBy: [['createdAt', 'desc']], limit: 100 });
  return { inbox: page.items };
}
