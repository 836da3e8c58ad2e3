import Taro from '@tarojs/taro';
import { contract } from '@shared/contract';
import { api } from '../../miniprogram/src/services/api';
import { ApiCallError } from '../../miniprogram/src/services/errors';
import { getSession, setSession } from '../../miniprogram/src/services/session';
import { fakeCloud } from './support/fakeCloud';

const request = Taro.request as jest.Mock;
const callFunction = Taro.cloud.callFunction as jest.Mock;

describe('the API client built from the contract', () => {
  test('has a function for every action of every cloud function in the contract', () => {
    for (const [fn, actions] of Object.entries(contract)) {
      for (const action of Object.keys(actions)) {
        expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[fn][action]).toBe('function');
      }
    }
  });

  test('on H5 posts {action, data} to /api/<function> with the session token and returns the data', async () => {
    setSession({ token: 'tok-1', openid: 'demo-resident-1' });
    const cloud = fakeCloud({ 'notice.list': () => ({ items: [], nextCursor: null }) });
    await expect(api.notice.list({ limit: 5 })).resolves.toEqual({ items: [], nextCursor: null });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/notice', method: 'POST', data: { action: 'list', data: { limit: 5 } } }));
    expect(cloud.calls[0].headers.Authorization).toBe('Bearer tok-1');
  });

  test('on H5 without a session sends no Authorization header (public reading still works)', async () => {
    const cloud = fakeCloud({ 'user.listCommunities': () => [] });
    await api.user.listCommunities();
    expect(cloud.calls[0].headers.Authorization).toBeUndefined();
  });

  test('on weapp calls the cloud function by name and unwraps result.result', async () => {
    process.env.TARO_ENV = 'weapp';
    callFunction.mockResolvedValue({ result: { ok: true, data: { id: 'n1', title: '停水通知' } }, errMsg: 'cloud.callFunction:ok' });
    await expect(api.notice.get({ id: 'n1' })).resolves.toMatchObject({ title: '停水通知' });
    expect(callFunction).toHaveBeenCalledWith({ name: 'notice', data: { action: 'get', data: { id: 'n1' } } });
    expect(request).not.toHaveBeenCalled();
  });

  test('an error envelope becomes an ApiCallError with its code, Chinese message and field messages', async () => {
    fakeCloud({
      'user.applyResidency': () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '楼栋含有不当内容，请修改后再提交', fields: { building: '含有不当内容，请修改' } } }),
    });
    const error = await api.user.applyResidency({ communityId: 'c_xingfuli', building: '3号楼', unit: '101' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'CONTENT_REJECTED', message: '楼栋含有不当内容，请修改后再提交', fields: { building: '含有不当内容，请修改' } });
  });

  test('input that breaks the shared schema is refused before anything is sent, with the schema’s Chinese messages', async () => {
    fakeCloud({});
    const error = (await api.user.applyResidency({ communityId: 'c_xingfuli', building: '', unit: '' }).catch((e: unknown) => e)) as ApiCallError;
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ building: '请填写楼栋', unit: '请填写单元/门牌' });
    expect(error.message).toBe('请填写楼栋');
    expect(request).not.toHaveBeenCalled();
  });

  test('a request that never completes is a NETWORK error in plain words', async () => {
    request.mockRejectedValue(new Error('request:fail'));
    await expect(api.notice.list()).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请检查网络后重试' });
  });

  test('something that is not an envelope (a proxy error page) reads as 系统繁忙', async () => {
    request.mockResolvedValue({ statusCode: 502, data: '<html>Bad Gateway</html>' });
    await expect(api.notice.list()).rejects.toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  });

  test('an unknown error code from the server is treated as INTERNAL, keeping its message', async () => {
    request.mockResolvedValue({ statusCode: 200, data: { ok: false, error: { code: 'WHATEVER', message: '奇怪的错误' } } });
    await expect(api.notice.list()).rejects.toMatchObject({ code: 'INTERNAL', message: '奇怪的错误' });
  });

  test('a 401 from the gateway (expired token) forgets the session', async () => {
    setSession({ token: 'old', openid: 'demo-staff' });
    request.mockResolvedValue({ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } } });
    await expect(api.user.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
    expect(getSession()).toBeNull();
  });
});
