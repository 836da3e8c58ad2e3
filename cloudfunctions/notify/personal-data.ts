import type { Store } from '../core/store/port';
import type { NotifySettingsDoc, SendDoc } from './records';

/** The person's notification settings and their subscription messages, for the privacy export. */
export async function notifyRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  const [settings, sends] = await Promise.all([
    store.get<NotifySettingsDoc>('notifySettings', userId),
    store.query<SendDoc>('subscriptionSends', { where: { userId }, limit: 100 }),
  ]);
  return { notifySettings: settings ? [settings] : [], subscriptionMessages: sends.items };
}

/** On erasure: what the person chose and accepted goes; nothing is sent to an erased account anyway. */
export async function forgetNotifySettings(store: Store, userId: string): Promise<void> {
  await store.remove('notifySettings', userId);
}
