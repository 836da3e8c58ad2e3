import { wxServerSdk, type WxServerSdk } from './content-wechat';
import { miniprogramState } from './subscription-wechat';

const ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

/**
 * `wxacode.getUnlimited` through wx-server-sdk (declared in the function's config.json): a code for a page that
 * carries a scene of at most 32 characters, for the build `WX_MINIPROGRAM_STATE` names.
 */
export function wechatMiniProgramCode(load: () => WxServerSdk = wxServerSdk, env: Record<string, string | undefined> = process.env) {
  return async (request: { scene: string; page: string }): Promise<Buffer> => {
    const wxacode = load().openapi.wxacode;
    if (!wxacode) throw new Error('wx-server-sdk has no wxacode');
    const res = await wxacode.getUnlimited({
      scene: request.scene,
      page: request.page,
      // The page exists in every released build; checking it would refuse codes for a build not yet released.
      checkPath: false,
      envVersion: ENV_VERSIONS[miniprogramState(env)],
      width: 430,
    });
    if (!res?.buffer || res.errCode) throw new Error(`wxacode.getUnlimited failed: ${res?.errCode ?? ''} ${res?.errMsg ?? ''}`);
    return res.buffer;
  };
}
