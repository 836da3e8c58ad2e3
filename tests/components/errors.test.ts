import Taro from '@tarojs/taro';
import { ApiCallError, fieldMessagesOf, reportError } from '../../miniprogram/src/services/errors';
import { getSession, setSession } from '../../miniprogram/src/services/session';

const showToast = Taro.showToast as jest.Mock;
const navigateTo = Taro.navigateTo as jest.Mock;

describe('turning failures into what a person sees', () => {
  test('a refusal is shown as a Chinese toast with its own message', () => {
    reportError(new ApiCallError({ code: 'INVALID_STATE', message: '您的认证申请正在审核中，请耐心等待' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您的认证申请正在审核中，请耐心等待', icon: 'none' }));
  });

  test('a code without a message uses the shared Chinese text for that code', () => {
    reportError(new ApiCallError({ code: 'FORBIDDEN' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您没有权限进行此操作' }));
  });

  test('anything unexpected reads as 系统繁忙, never a stack trace', () => {
    reportError(new TypeError('Cannot read properties of undefined'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统繁忙，请稍后再试' }));
  });

  test('field messages go to the form, and the toast says the words themselves, never "请按红字提示"', () => {
    const onFields = jest.fn();
    reportError(new ApiCallError({ code: 'VALIDATION', message: '请填写楼栋', fields: { building: '请填写楼栋', unit: '请填写单元/门牌' } }), { onFields });
    expect(onFields).toHaveBeenCalledWith({ building: '请填写楼栋', unit: '请填写单元/门牌' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写楼栋' }));
  });

  test('a message tied to no field on the form (参会名额少于法定人数) is still read in the toast', () => {
    const onFields = jest.fn();
    reportError(new ApiCallError({ code: 'VALIDATION', message: '参会名额少于法定人数', fields: { plan: '参会名额少于法定人数' } }), { onFields });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '参会名额少于法定人数' }));
    expect(showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('红字') }));
  });

  test('fieldMessagesOf gives the map, or nothing for other errors', () => {
    expect(fieldMessagesOf(new ApiCallError({ code: 'VALIDATION', fields: { title: '标题至少2个字' } }))).toEqual({ title: '标题至少2个字' });
    expect(fieldMessagesOf(new Error('x'))).toEqual({});
  });

  test('on H5, UNAUTHENTICATED forgets the session and opens the sign-in page, coming back here after', () => {
    jest.useFakeTimers();
    setSession({ token: 't', openid: 'demo-resident-1' });
    reportError(new ApiCallError({ code: 'UNAUTHENTICATED' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先登录' }));
    expect(getSession()).toBeNull();
    jest.runAllTimers();
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/login/index?redirect=${encodeURIComponent('/pages/mine/index')}` });
    jest.useRealTimers();
  });

  test('on weapp there is no sign-in page to go to: only the toast', () => {
    jest.useFakeTimers();
    process.env.TARO_ENV = 'weapp';
    reportError(new ApiCallError({ code: 'UNAUTHENTICATED' }));
    jest.runAllTimers();
    expect(navigateTo).not.toHaveBeenCalled();
    jest.useRealTimers();
  });
});
