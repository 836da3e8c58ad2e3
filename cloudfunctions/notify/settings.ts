import type { NotifyPreference, notifyContract } from '@shared/notify/contract';
import { AppError } from '@shared/errors';
import { eventOfType, notifyEvents } from '@shared/notify/registry';
import type { Handler, HandlerContext } from '../core/router';
import type { Store } from '../core/store/port';
import type { NotifySettingsDoc } from './records';
import { configuredTemplates } from './templates';

type C = typeof notifyContract;

/**
 * WeChat lets acceptances of a one-time template pile up; a count far beyond any real need can only come from a
 * client that misreports, so it stops here.
 */
const MAX_LEFT = 50;

function preferences(settings: NotifySettingsDoc | null): NotifyPreference[] {
  return notifyEvents().map((e) => ({
    event: e.type,
    label: e.label,
    when: e.when,
    on: !settings?.off.includes(e.type),
    left: settings?.left[e.template.key] ?? 0,
  }));
}

function signedInUser(ctx: HandlerContext): string {
  const userId = ctx.caller.user?._id;
  if (!userId) throw new AppError('NOT_FOUND', '找不到您的账号，请重新进入小程序');
  return userId;
}

/** Reads, changes and writes the person's settings in one transaction: two taps at once must not lose one. */
async function changeSettings(store: Store, userId: string, now: number, change: (s: NotifySettingsDoc) => NotifySettingsDoc): Promise<NotifySettingsDoc> {
  return store.transaction(async (tx) => {
    const current = await tx.get<NotifySettingsDoc>('notifySettings', userId);
    const next = change(current ?? { _id: userId, off: [], left: {}, updatedAt: now });
    const doc = { ...next, updatedAt: now };
    if (current) await tx.update('notifySettings', userId, { off: doc.off, left: doc.left, updatedAt: now });
    else await tx.create('notifySettings', doc);
    return doc;
  });
}

export const templates: Handler<C['templates']> = async () => {
  return Object.entries(configuredTemplates()).map(([key, templateId]) => ({ key, templateId }));
};

/** After `wx.requestSubscribeMessage`: each accepted template allows one more message. Unknown ids are ignored. */
export const subscribed: Handler<C['subscribed']> = async (input, ctx) => {
  const userId = signedInUser(ctx);
  const keyOf = new Map(Object.entries(configuredTemplates()).map(([key, id]) => [id, key]));
  const keys = [...new Set(input.templateIds)].map((id) => keyOf.get(id)).filter((k): k is string => !!k);
  if (!keys.length) return preferences(await ctx.store.get<NotifySettingsDoc>('notifySettings', userId));
  const settings = await changeSettings(ctx.store, userId, ctx.now, (s) => {
    const left = { ...s.left };
    for (const key of keys) left[key] = Math.min(MAX_LEFT, (left[key] ?? 0) + 1);
    return { ...s, left };
  });
  return preferences(settings);
};

export const getPreferences: Handler<C['preferences']> = async (_input, ctx) => {
  const userId = ctx.caller.user?._id;
  return preferences(userId ? await ctx.store.get<NotifySettingsDoc>('notifySettings', userId) : null);
};

export const setPreference: Handler<C['setPreference']> = async (input, ctx) => {
  const userId = signedInUser(ctx);
  if (!eventOfType(input.event)) throw new AppError('VALIDATION', '没有这种通知', { event: '没有这种通知' });
  const settings = await changeSettings(ctx.store, userId, ctx.now, (s) => {
    const off = s.off.filter((e) => e !== input.event);
    return { ...s, off: input.on ? off : [...off, input.event] };
  });
  return preferences(settings);
};
