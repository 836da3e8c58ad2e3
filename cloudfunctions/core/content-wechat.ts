import { wordListChecker, type TextChecker, type TextScene } from './content';

/**
 * The little of `wx-server-sdk` this file uses. The package is not installed locally: the build keeps it external
 * and lists it in each function's package.json, so CloudBase installs it next to the bundle.
 */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol | string;
  init(options: { env: symbol | string }): void;
  openapi: {
    security: {
      msgSecCheck(request: { openid: string; scene: TextScene; version: 2; content: string }): Promise<MsgSecCheckResult>;
    };
    wxacode?: {
      getUnlimited(request: { scene: string; page: string; checkPath: boolean; envVersion: 'develop' | 'trial' | 'release'; width: number }): Promise<{ buffer?: Buffer; errCode?: number; errMsg?: string }>;
    };
    subscribeMessage: {
      send(request: {
        touser: string;
        templateId: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogramState: 'developer' | 'trial' | 'formal';
        lang: 'zh_CN';
      }): Promise<{ errCode?: number; errMsg?: string }>;
    };
  };
}

/** security.msgSecCheck v2, as wx-server-sdk returns it (keys camel-cased). */
interface MsgSecCheckResult {
  errCode?: number;
  errMsg?: string;
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
  /** Per strategy; a keyword hit names the keyword. */
  detail?: { strategy?: string; suggest?: string; keyword?: string }[];
}

/** The keyword WeChat refused, when it names one. */
function refusedKeyword(res: MsgSecCheckResult): string | undefined {
  return res.detail?.find((d) => d.keyword && d.suggest !== 'pass')?.keyword;
}

/** WeChat refuses content longer than this in one call. */
export const MSG_SEC_CHECK_MAX = 2500;

let sdk: WxServerSdk | null = null;

/** Loaded on first use, so a cold start that never checks text or sends a message does not pay for it. */
export function wxServerSdk(): WxServerSdk {
  if (!sdk) {
    // A plain require kept out of the bundle: esbuild leaves `wx-server-sdk` external.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('wx-server-sdk') as WxServerSdk;
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
    sdk = loaded;
  }
  return sdk;
}

/** Splits text into pieces WeChat accepts, without cutting a surrogate pair (an emoji) in half. */
export function chunksForCheck(text: string, size = MSG_SEC_CHECK_MAX): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(''));
  return chunks;
}

/**
 * Content safety through WeChat's msgSecCheck v2. Only `pass` publishes: `review` means WeChat is unsure, and a
 * community board has no moderator queue to hold it in. A failed call throws, so the request ends as INTERNAL
 * ("try again later") rather than letting unchecked text through.
 *
 * v2 needs the writer's OPENID. Text without one can only come from an action open to anyone; none takes text
 * today, and should one appear its text still meets the local word list rather than no check at all.
 */
export function wechatTextChecker(load: () => WxServerSdk = wxServerSdk): TextChecker {
  const fallback = wordListChecker();
  return async (text, meta) => {
    if (!meta.openid) return fallback(text, meta);
    const wx = load();
    for (const content of chunksForCheck(text)) {
      const res = await wx.openapi.security.msgSecCheck({ openid: meta.openid, scene: meta.scene, version: 2, content });
      if (res.errCode) throw new Error(`msgSecCheck failed: ${res.errCode} ${res.errMsg ?? ''}`);
      if (res.result?.suggest !== 'pass') {
        const keyword = refusedKeyword(res);
        return keyword ? { refused: keyword } : false;
      }
    }
    return true;
  };
}

export type { WxServerSdk };
