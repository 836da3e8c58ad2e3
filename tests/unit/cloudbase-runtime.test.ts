import { chunksForCheck, MSG_SEC_CHECK_MAX, wechatTextChecker, type WxServerSdk } from '../../cloudfunctions/core/content-wechat';
import { cloudbaseRuntime, openidFromContext, timerFromContext } from '../../cloudfunctions/core/runtime-cloudbase';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { wechatSubscriptionSender } from '../../cloudfunctions/core/subscription-wechat';
import { localRuntime } from '../../local-cloud/runtime';

describe('openidFromContext', () => {
  test('reads WX_OPENID from the context CloudBase passes (current and older layouts)', () => {
    expect(openidFromContext({ environment: JSON.stringify({ WX_OPENID: 'o_current', WX_APPID: 'wx1' }) })).toBe('o_current');
    expect(openidFromContext({ environ: 'WX_OPENID=o_older;WX_APPID=wx1;WX_CONTEXT_KEYS=WX_OPENID,WX_APPID' })).toBe('o_older');
  });

  describe('with a stale WX_OPENID left in process.env by an earlier invocation', () => {
    const saved = { openid: process.env.WX_OPENID, keys: process.env.WX_CONTEXT_KEYS };
    beforeEach(() => {
      process.env.WX_OPENID = 'o_previous_caller';
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    });
    afterEach(() => {
      for (const [key, value] of [['WX_OPENID', saved.openid], ['WX_CONTEXT_KEYS', saved.keys]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    test.each([
      ['a timer trigger', { environment: JSON.stringify({ TCB_ENV: 'env-1' }) }],
      ['a context that lists WX_OPENID among its keys but has none', { environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID' }) }],
      ['an older-layout context without WX_OPENID', { environ: 'WX_APPID=wx1;WX_CONTEXT_KEYS=WX_OPENID,WX_APPID' }],
      ['an empty OPENID', { environment: JSON.stringify({ WX_OPENID: '' }) }],
    ])('%s is nobody, not the previous caller', (_label, context) => {
      expect(openidFromContext(context)).toBeNull();
      expect(cloudbaseRuntime().identify(context)).toBeNull();
    });

    test('a context with its own OPENID still names its own caller', () => {
      expect(openidFromContext({ environment: JSON.stringify({ WX_OPENID: 'o_now' }) })).toBe('o_now');
    });
  });

  test.each([
    ['an empty object', {}],
    ['undefined', undefined],
    ['null', null],
    ['a string', 'WX_OPENID=o_x'],
    ['a broken environment', { environment: '{not json' }],
    ['an empty OPENID', { environment: JSON.stringify({ WX_OPENID: '' }) }],
    ['no OPENID (a timer trigger)', { environment: JSON.stringify({ TCB_ENV: 'env-1' }) }],
  ])('is null for %s, never a crash', (_label, context) => {
    expect(openidFromContext(context)).toBeNull();
  });
});

describe('the production runtime', () => {
  test('is made once and reused by warm invocations', () => {
    expect(cloudbaseRuntime()).toBe(cloudbaseRuntime());
  });

  test('identifies from the context only', () => {
    expect(cloudbaseRuntime().identify({ environment: JSON.stringify({ WX_OPENID: 'o_1' }) })).toBe('o_1');
    expect(cloudbaseRuntime().identify({})).toBeNull();
  });
});

describe('wechatTextChecker', () => {
  function fakeSdk(answer: (content: string) => { errCode?: number; errMsg?: string; result?: { suggest?: 'pass' | 'review' | 'risky' }; detail?: { strategy?: string; suggest?: string; keyword?: string }[] }) {
    const calls: { openid: string; scene: number; version: number; content: string }[] = [];
    const sdk: WxServerSdk = {
      DYNAMIC_CURRENT_ENV: 'current',
      init: () => undefined,
      openapi: { security: { msgSecCheck: async (req) => (calls.push(req), answer(req.content)) }, subscribeMessage: { send: async () => ({}) } },
    };
    return { sdk, calls };
  }

  test('only `pass` publishes; the call is v2 with the writer\'s OPENID and scene', async () => {
    const { sdk, calls } = fakeSdk((content) => ({ errCode: 0, result: { suggest: content.includes('坏') ? 'risky' : content.includes('疑') ? 'review' : 'pass' } }));
    const check = wechatTextChecker(() => sdk);
    expect(await check('好内容', { openid: 'o_1', scene: 2 })).toBe(true);
    expect(await check('坏内容', { openid: 'o_1', scene: 2 })).toBe(false);
    expect(await check('可疑内容', { openid: 'o_1', scene: 2 })).toBe(false);
    expect(calls[0]).toEqual({ openid: 'o_1', scene: 2, version: 2, content: '好内容' });
  });

  test('a keyword hit names the keyword, so the refusal can say what to change', async () => {
    const { sdk } = fakeSdk(() => ({ errCode: 0, result: { suggest: 'risky' }, detail: [{ strategy: 'content_model', suggest: 'pass' }, { strategy: 'keyword', suggest: 'risky', keyword: '某词' }] }));
    expect(await wechatTextChecker(() => sdk)('含有某词', { openid: 'o_1', scene: 2 })).toEqual({ refused: '某词' });
  });

  test('long text is checked in pieces WeChat accepts, and one bad piece refuses it', async () => {
    const { sdk, calls } = fakeSdk((content) => ({ errCode: 0, result: { suggest: content.includes('坏') ? 'risky' : 'pass' } }));
    const check = wechatTextChecker(() => sdk);
    const long = `${'好'.repeat(MSG_SEC_CHECK_MAX)}${'好'.repeat(10)}坏`;
    expect(await check(long, { openid: 'o_1', scene: 2 })).toBe(false);
    expect(calls.map((c) => Array.from(c.content).length)).toEqual([MSG_SEC_CHECK_MAX, 11]);
  });

  test('a failed call throws instead of letting text through', async () => {
    const { sdk } = fakeSdk(() => ({ errCode: 45009, errMsg: 'reach max api daily quota limit' }));
    await expect(wechatTextChecker(() => sdk)('内容', { openid: 'o_1', scene: 2 })).rejects.toThrow(/45009/);
  });

  test('without an OPENID the local word list still applies, and WeChat is not called', async () => {
    const { sdk, calls } = fakeSdk(() => ({ errCode: 0, result: { suggest: 'pass' } }));
    const check = wechatTextChecker(() => sdk);
    expect(await check('代开发票，联系我', { openid: null, scene: 2 })).toEqual({ refused: '代开发票' });
    expect(await check('一起散步', { openid: null, scene: 2 })).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe('chunksForCheck', () => {
  test('never splits an emoji', () => {
    const text = '😀'.repeat(5);
    const chunks = chunksForCheck(text, 2);
    expect(chunks).toEqual(['😀😀', '😀😀', '😀']);
    expect(chunks.join('')).toBe(text);
  });

  test('short text is one piece; empty text none', () => {
    expect(chunksForCheck('你好')).toEqual(['你好']);
    expect(chunksForCheck('')).toEqual([]);
  });
});

describe('timerFromContext', () => {
  const saved = process.env.TRIGGER_SRC;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRIGGER_SRC;
    else process.env.TRIGGER_SRC = saved;
  });

  test('is a timer when the invocation context says TRIGGER_SRC=timer and carries no OPENID', () => {
    expect(timerFromContext({ environment: JSON.stringify({ TRIGGER_SRC: 'timer', TCB_ENV: 'env-1' }) })).toBe(true);
    expect(timerFromContext({ environ: 'TRIGGER_SRC=timer;TCB_ENV=env-1' })).toBe(true);
    expect(cloudbaseRuntime().isTimer?.({ environment: JSON.stringify({ TRIGGER_SRC: 'timer' }) }, {})).toBe(true);
  });

  test('falls back to process.env only when the context does not name the source', () => {
    process.env.TRIGGER_SRC = 'timer';
    expect(timerFromContext({ environment: JSON.stringify({ TCB_ENV: 'env-1' }) })).toBe(true);
    expect(timerFromContext({ environment: JSON.stringify({ TRIGGER_SRC: 'tcb' }) })).toBe(false);
  });

  test.each([
    ['a call from the mini-program', { environment: JSON.stringify({ TRIGGER_SRC: 'tcb', WX_OPENID: 'o_1' }) }],
    ['a timer source with an OPENID', { environment: JSON.stringify({ TRIGGER_SRC: 'timer', WX_OPENID: 'o_1' }) }],
    ['a context naming no source, with none in process.env', { environment: JSON.stringify({ TCB_ENV: 'env-1' }) }],
    ['a broken environment', { environment: '{not json' }],
    ['undefined', undefined],
    ['a string', 'TRIGGER_SRC=timer'],
  ])('is not a timer for %s', (_label, context) => {
    delete process.env.TRIGGER_SRC;
    expect(timerFromContext(context)).toBe(false);
  });
});
describe('wechatSubscriptionSender', () => {
  type SendRequest = Parameters<WxServerSdk['openapi']['subscribeMessage']['send']>[0];
  function sdkAnswering(answer: (req: SendRequest) => Promise<{ errCode?: number; errMsg?: string }>) {
    const requests: SendRequest[] = [];
    const sdk: WxServerSdk = {
      DYNAMIC_CURRENT_ENV: 'current',
      init: () => undefined,
      openapi: {
        security: { msgSecCheck: async () => ({ errCode: 0, result: { suggest: 'pass' } }) },
        subscribeMessage: { send: async (req) => (requests.push(req), answer(req)) },
      },
    };
    return { sdk, requests };
  }
  const message = { openid: 'o_1', templateId: 'tpl', page: 'packages/consultation/detail/index?id=cs_1', data: { thing1: { value: '停车' } } };

  test('sends to the formal build in Chinese unless WX_MINIPROGRAM_STATE names another', async () => {
    const { sdk, requests } = sdkAnswering(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }));
    expect(await wechatSubscriptionSender(() => sdk, {})(message)).toEqual({ ok: true });
    expect(requests[0]).toEqual({ touser: 'o_1', templateId: 'tpl', page: message.page, data: message.data, miniprogramState: 'formal', lang: 'zh_CN' });
    await wechatSubscriptionSender(() => sdk, { WX_MINIPROGRAM_STATE: 'trial' })(message);
    expect(requests[1].miniprogramState).toBe('trial');
  });

  test('WeChat’s errCode comes back whether the SDK rejects or answers with it; no code means no answer', async () => {
    const rejecting = sdkAnswering(async () => Promise.reject(Object.assign(new Error('x'), { errCode: 43101, errMsg: 'user refuse to accept the msg' })));
    expect(await wechatSubscriptionSender(() => rejecting.sdk, {})(message)).toEqual({ ok: false, code: 43101, message: 'user refuse to accept the msg' });
    const answering = sdkAnswering(async () => ({ errCode: 47003, errMsg: 'argument invalid' }));
    expect(await wechatSubscriptionSender(() => answering.sdk, {})(message)).toEqual({ ok: false, code: 47003, message: 'argument invalid' });
    const timingOut = sdkAnswering(async () => Promise.reject(new Error('ESOCKETTIMEDOUT')));
    expect(await wechatSubscriptionSender(() => timingOut.sdk, {})(message)).toEqual({ ok: false, code: null, message: 'ESOCKETTIMEDOUT' });
  });
});

test('the production runtime sends subscription messages; the local one has no sender, so nothing leaves a laptop', () => {
  expect(typeof cloudbaseRuntime().sendSubscription).toBe('function');
  expect(localRuntime(new MemoryStore()).sendSubscription).toBeUndefined();
});
