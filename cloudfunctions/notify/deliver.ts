import type { EventSpec } from '@shared/events';
import { templateData } from '@shared/notify/fields';
import { inQuietHours, sendableAt } from '@shared/notify/quiet';
import { eventOfType } from '@shared/notify/registry';
import { afterFailure } from '@shared/notify/retry';
import type { UserDoc } from '../core/caller';
import type { Job } from '../core/jobs';
import type { Runtime } from '../core/runtime';
import { DuplicateError, type Store } from '../core/store/port';
import { addToInbox, type InboxDoc } from '../user/inbox';
import { configuredTemplates, type TemplateIds } from './templates';
import { itemId, type NotifySettingsDoc, type OutboxDoc, type SendDoc } from './records';

export interface DeliverOptions {
  /** At most this many outbox entries fanned out and this many subscription messages tried in one run. */
  max?: number;
  /** Template ids by key; read from the environment when not given. */
  templates?: TemplateIds;
}

export interface DeliveryReport {
  delivered: number;
  inboxItems: number;
  sends: Record<'sent' | 'retry' | 'skipped' | 'failed' | 'dead', number>;
  /** Whether due work was left for the next run. */
  more: boolean;
}

/** Recipients written at once: enough to be quick on CloudBase, few enough not to flood it. */
const CHUNK = 20;
/** A send claimed this long ago by a run that never finished goes back to the queue. */
const STALE_CLAIM = 10 * 60 * 1000;

function emptyReport(): DeliveryReport {
  return { delivered: 0, inboxItems: 0, sends: { sent: 0, retry: 0, skipped: 0, failed: 0, dead: 0 }, more: false };
}

/**
 * The cron's job (`deliverOutboxJob`): fans out outbox entries not yet delivered (oldest first), then sends the
 * subscription messages that are due, outside quiet hours. Running it again writes nothing more: items have ids
 * made from the outbox id and the recipient, and sends are claimed before they go out.
 */
export async function deliverOutbox(store: Store, runtime: Runtime, now: number, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const max = options.max ?? 50;
  const templates = options.templates ?? configuredTemplates();
  const report = emptyReport();
  const pending = await store.query<OutboxDoc>('outbox', { where: { delivered: false }, orderBy: [['createdAt', 'asc']], limit: max });
  for (const doc of pending.items) await fanOut(store, runtime, doc, now, report);
  report.more = pending.nextCursor !== null;
  await releaseStaleClaims(store, now);
  if (inQuietHours(now)) return report;
  const due = await store.query<SendDoc>('subscriptionSends', { where: { state: 'queued', nextAt: { lte: now } }, orderBy: [['nextAt', 'asc']], limit: max });
  for (const send of due.items) await sendOne(store, runtime, send, now, templates, report);
  report.more ||= due.nextCursor !== null;
  return report;
}

/** Right after a change commits: just its own outbox entries, so the people told see it at once. */
export async function deliverOutboxIds(store: Store, runtime: Runtime, now: number, ids: string[], options: DeliverOptions = {}): Promise<DeliveryReport> {
  const templates = options.templates ?? configuredTemplates();
  const report = emptyReport();
  for (const id of ids) {
    const doc = await store.get<OutboxDoc>('outbox', id);
    if (!doc) continue;
    if (!doc.delivered) await fanOut(store, runtime, doc, now, report);
    if (inQuietHours(now)) continue;
    const due = await store.query<SendDoc>('subscriptionSends', { where: { outboxId: id, state: 'queued' }, limit: options.max ?? 20 });
    for (const send of due.items) if ((send.nextAt ?? 0) <= now) await sendOne(store, runtime, send, now, templates, report);
  }
  return report;
}

async function fanOut(store: Store, runtime: Runtime, doc: OutboxDoc, now: number, report: DeliveryReport): Promise<void> {
  const event = eventOfType(doc.event);
  for (let i = doc.progress; i < doc.recipients.length; i += CHUNK) {
    const chunk = doc.recipients.slice(i, i + CHUNK);
    const written = await Promise.all(chunk.map((userId) => deliverTo(store, runtime, doc, event, userId, now)));
    report.inboxItems += written.filter(Boolean).length;
    if (i + CHUNK < doc.recipients.length) await store.update('outbox', doc._id, { progress: i + CHUNK }, { if: { delivered: false } });
  }
  if (await store.update('outbox', doc._id, { delivered: true, progress: doc.recipients.length, deliveredAt: now }, { if: { delivered: false } })) {
    report.delivered++;
  }
}

/** Creates a document unless one with its id exists; true when this call wrote it. */
async function createOnce(store: Store, collection: string, doc: { _id: string }): Promise<boolean> {
  try {
    await store.create(collection, doc);
    return true;
  } catch (error) {
    if (error instanceof DuplicateError) return false;
    throw error;
  }
}

/** The inbox item always; a queued subscription message when the person wants one and has an acceptance left. */
async function deliverTo(store: Store, runtime: Runtime, doc: OutboxDoc, event: EventSpec | undefined, userId: string, now: number): Promise<boolean> {
  const data = doc.data as never;
  const item: InboxDoc = {
    _id: itemId(doc._id, userId),
    userId,
    title: event ? event.title(data) : '您有一条新消息',
    body: event ? event.body(data) : '',
    link: event ? event.link(data) : null,
    read: false,
    createdAt: doc.createdAt,
  };
  const written = await addToInbox(store, item);
  if (!event) return written;
  const settings = await store.get<NotifySettingsDoc>('notifySettings', userId);
  if (settings?.off.includes(event.type)) return written;
  const local = !runtime.sendSubscription;
  // Locally every would-be message is recorded as skipped, so the outbox page shows what production would send.
  if (!local && (settings?.left[event.template.key] ?? 0) <= 0) return written;
  const send: SendDoc = {
    _id: itemId(doc._id, userId),
    outboxId: doc._id,
    communityId: doc.communityId,
    event: event.type,
    templateKey: event.template.key,
    userId,
    state: local ? 'skipped' : 'queued',
    reason: local ? 'local' : null,
    tries: 0,
    nextAt: local ? null : sendableAt(now),
    claimedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await createOnce(store, 'subscriptionSends', send);
  return written;
}

async function releaseStaleClaims(store: Store, now: number): Promise<void> {
  const stale = await store.query<SendDoc>('subscriptionSends', { where: { state: 'sending', claimedAt: { lt: now - STALE_CLAIM } }, limit: 20 });
  for (const send of stale.items) await store.update('subscriptionSends', send._id, { state: 'queued', claimedAt: null }, { if: { state: 'sending' } });
}

type Finish = { state: SendDoc['state']; reason: string | null; nextAt?: number | null };

async function sendOne(store: Store, runtime: Runtime, send: SendDoc, now: number, templates: TemplateIds, report: DeliveryReport): Promise<void> {
  // The claim makes a send go out once when the cron and an after-commit delivery reach it together.
  if (!(await store.update('subscriptionSends', send._id, { state: 'sending', claimedAt: now, updatedAt: now }, { if: { state: 'queued' } }))) return;
  const tries = send.tries + 1;
  const finish = async (f: Finish) => {
    await store.update('subscriptionSends', send._id, { state: f.state, reason: f.reason, nextAt: f.nextAt ?? null, tries, claimedAt: null, updatedAt: now });
    report.sends[f.state === 'queued' ? 'retry' : (f.state as 'sent' | 'skipped' | 'failed' | 'dead')]++;
  };
  const [outbox, settings, user] = await Promise.all([
    store.get<OutboxDoc>('outbox', send.outboxId),
    store.get<NotifySettingsDoc>('notifySettings', send.userId),
    store.get<UserDoc>('users', send.userId),
  ]);
  const event = eventOfType(send.event);
  const templateId = templates[send.templateKey];
  if (!outbox || !event) return finish({ state: 'failed', reason: 'unknown-event' });
  if (settings?.off.includes(event.type)) return finish({ state: 'skipped', reason: 'opted-out' });
  if (!user || user.openid.startsWith('deleted:') || (settings?.left[send.templateKey] ?? 0) <= 0) return finish({ state: 'skipped', reason: 'no-subscription' });
  if (!templateId) return finish({ state: 'skipped', reason: 'no-template' });
  if (!runtime.sendSubscription) return finish({ state: 'skipped', reason: 'local' });
  let message;
  try {
    message = { openid: user.openid, templateId, page: event.template.page(outbox.data as never), data: templateData(event.template.fields(outbox.data as never)) };
  } catch {
    return finish({ state: 'failed', reason: 'bad-fields' });
  }
  const result = await runtime.sendSubscription(message);
  if (result.ok) {
    await spendAcceptance(store, send.userId, send.templateKey, now, 1);
    return finish({ state: 'sent', reason: null });
  }
  const next = afterFailure(result.code, tries, now);
  if (next.state === 'queued') return finish({ state: 'queued', reason: result.code === null ? 'network' : `wechat-${result.code}`, nextAt: next.nextAt });
  // WeChat says none is left: our count was wrong, so it starts again from the person's next acceptance.
  if (next.reason === 'no-subscription') await spendAcceptance(store, send.userId, send.templateKey, now, Infinity);
  return finish({ state: next.state, reason: next.reason });
}

async function spendAcceptance(store: Store, userId: string, key: string, now: number, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    const settings = await tx.get<NotifySettingsDoc>('notifySettings', userId);
    if (!settings) return;
    const left = Math.max(0, (settings.left[key] ?? 0) - count);
    await tx.update('notifySettings', userId, { left: { ...settings.left, [key]: left }, updatedAt: now });
  });
}

/** The cron's run: a batch of outbox entries to fan out and a batch of subscription messages to send. */
export const deliverOutboxJob: Job = {
  name: 'notify.deliverOutbox',
  batch: 50,
  run: async (ctx, batch) => {
    const report = await deliverOutbox(ctx.store, ctx.runtime, ctx.now, { max: batch });
    const sends = Object.values(report.sends).reduce((a, b) => a + b, 0);
    return { done: report.delivered + sends, more: report.more };
  },
};
