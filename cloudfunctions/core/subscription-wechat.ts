import { wxServerSdk, type WxServerSdk } from './content-wechat';
import type { SubscriptionMessage, SubscriptionResult } from './runtime';

type MiniprogramState = 'developer' | 'trial' | 'formal';

/** Which build a message opens: the released one unless `WX_MINIPROGRAM_STATE` says a trial or developer build. */
export function miniprogramState(env: Record<string, string | undefined> = process.env): MiniprogramState {
  const state = env.WX_MINIPROGRAM_STATE;
  return state === 'developer' || state === 'trial' ? state : 'formal';
}

/**
 * `subscribeMessage.send` through wx-server-sdk. The SDK rejects with `errCode` on a WeChat error; anything without
 * one (a timeout, a network failure) comes back with code null, which the retry policy treats as transient.
 */
export function wechatSubscriptionSender(load: () => WxServerSdk = wxServerSdk, env: Record<string, string | undefined> = process.env) {
  return async (message: SubscriptionMessage): Promise<SubscriptionResult> => {
    try {
      const res = await load().openapi.subscribeMessage.send({
        touser: message.openid,
        templateId: message.templateId,
        page: message.page,
        data: message.data,
        miniprogramState: miniprogramState(env),
        lang: 'zh_CN',
      });
      if (res?.errCode) return { ok: false, code: res.errCode, message: res.errMsg ?? '' };
      return { ok: true };
    } catch (error) {
      const e = error as { errCode?: unknown; errMsg?: unknown; message?: unknown };
      const code = typeof e?.errCode === 'number' ? e.errCode : null;
      return { ok: false, code, message: String(e?.errMsg ?? e?.message ?? error) };
    }
  };
}
