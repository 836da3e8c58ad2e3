import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/errors';

type Handler = (data: Record<string, unknown>) => Envelope<unknown> | unknown;

export interface FakeCall {
  fn: string;
  action: string;
  data: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Answers Taro.request the way the local cloud does: POST /api/<fn> with {action, data}. A handler returns
 * an envelope, or plain data to be wrapped as a success. Unknown actions answer NOT_FOUND.
 */
export function fakeCloud(handlers: Record<string, Handler>) {
  const calls: FakeCall[] = [];
  (Taro.request as jest.Mock).mockImplementation(async (options: { url: string; data: { action: string; data: Record<string, unknown> }; header?: Record<string, string> }) => {
    const fn = options.url.replace(/^\/api\//, '');
    const { action, data } = options.data;
    calls.push({ fn, action, data, headers: options.header ?? {} });
    const handler = handlers[`${fn}.${action}`];
    if (!handler) return { statusCode: 200, data: { ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${action}` } } };
    const result = handler(data);
    const envelope = result && typeof result === 'object' && 'ok' in (result as object) ? result : { ok: true, data: result };
    return { statusCode: 200, data: envelope };
  });
  return { calls, actions: () => calls.map((c) => `${c.fn}.${c.action}`) };
}
