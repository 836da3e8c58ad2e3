import { TOURIST_APP_ID, wechatTarget } from '../../miniprogram/config/wechat';

const APP_ID = 'wx0123456789abcdef';

test('with nothing set, the weapp build is the tourist preview, bound to no cloud environment', () => {
  expect(wechatTarget({} as NodeJS.ProcessEnv)).toEqual({ appId: TOURIST_APP_ID, cloudEnv: '', preview: true });
});

test('an AppID and a cloud environment make a real build', () => {
  expect(wechatTarget({ TARO_APP_ID: APP_ID, TARO_APP_CLOUD_ENV: 'gongzhi-prod-1a2b' } as unknown as NodeJS.ProcessEnv)).toEqual({
    appId: APP_ID,
    cloudEnv: 'gongzhi-prod-1a2b',
    preview: false,
  });
});

test('a release build refuses to start without both, naming what is missing', () => {
  expect(() => wechatTarget({ GONGZHI_RELEASE: '1' } as unknown as NodeJS.ProcessEnv)).toThrow('TARO_APP_ID and TARO_APP_CLOUD_ENV must be set');
  expect(() => wechatTarget({ GONGZHI_RELEASE: '1', TARO_APP_ID: APP_ID } as unknown as NodeJS.ProcessEnv)).toThrow(/^weapp build: TARO_APP_CLOUD_ENV must be set/);
});

test('an AppID without a cloud environment is refused: its calls would go to whichever environment is the default', () => {
  expect(() => wechatTarget({ TARO_APP_ID: APP_ID } as unknown as NodeJS.ProcessEnv)).toThrow('TARO_APP_CLOUD_ENV must be set');
});

test('something that is not an AppID is refused', () => {
  expect(() => wechatTarget({ TARO_APP_ID: 'touristappid', TARO_APP_CLOUD_ENV: 'e' } as unknown as NodeJS.ProcessEnv)).toThrow('is not a mini-program AppID');
});
