import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { ApiCallError } from '../../miniprogram/src/services/errors';
import { restoredDraftPages } from '../../miniprogram/src/services/drafts';
import { TextArea, TextInput } from '../../miniprogram/src/components/TextInput';
import { StateView } from '../../miniprogram/src/components/StateView';
import { TabBar } from '../../miniprogram/src/components/TabBar';
import { fakeCloud } from './support/fakeCloud';
import NewOpinionPage from '../../miniprogram/src/packages/consultation/opinion-new/index';

// The "Every page" pieces (miniprogram/README.md): each is shared, so every page that uses it keeps the rule.

const getCurrentPages = Taro.getCurrentPages as jest.Mock;
const showModal = Taro.showModal as jest.Mock;

function field(name: string): HTMLElement {
  return document.querySelector(`[data-field="${name}"]`) as HTMLElement;
}

function Controlled({ initial, max, area }: { initial: string; max?: number; area?: boolean }) {
  const [value, setValue] = useState(initial);
  const Box = area ? TextArea : TextInput;
  return <Box value={value} maxlength={max} onInput={(e) => setValue(e.detail.value)} />;
}

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-resident-1' });
  router.params = { communityId: 'c_xingfuli' };
  getCurrentPages.mockReturnValue([{ route: 'packages/consultation/opinion-new/index' }]);
  restoredDraftPages.set([]);
});

describe('TextInput / TextArea', () => {
  test('shows the count and the limit before it is reached', () => {
    render(<Controlled initial="晚上车位不够" max={40} />);
    expect(screen.getByText('6/40')).toBeTruthy();
    expect(screen.getByText('最多40字')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('keeps a paste past the limit whole, and says by how much it is over', () => {
    render(<Controlled initial="" max={10} area />);
    const box = screen.getByRole('textbox') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '一二三四五六七八九十十一十二' } });
    expect(box.value).toBe('一二三四五六七八九十十一十二');
    expect(screen.getByText('14/10')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('超出4字，最多10字，请删减后再提交');
  });

  test('counts as the server does, without the spaces around the text', () => {
    render(<Controlled initial="  你好  " max={40} />);
    expect(screen.getByText('2/40')).toBeTruthy();
  });

  test('a box whose field has no length in the contract (an amount, a code) draws no counter and never goes red', () => {
    const { container } = render(<Controlled initial="123456789012345678901234567890" />);
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('123456789012345678901234567890');
    expect(container.querySelector('.gz-counter')).toBeNull();
    expect(container.querySelector('.gz-text--over')).toBeNull();
  });

  test('data-testid reaches the box itself, so a test types into it', () => {
    render(<TextInput value="" onInput={() => undefined} data-testid="checkin-code" />);
    expect(screen.getByTestId('checkin-code')).toBe(screen.getByRole('textbox'));
  });
});

describe('StateView', () => {
  test('a missing document reads 不存在或已删除 and offers the way back, never 重试', () => {
    getCurrentPages.mockReturnValue([{ route: 'pages/consult/index' }, { route: 'packages/consultation/detail/index' }]);
    const retry = jest.fn();
    render(<StateView error={new ApiCallError({ code: 'NOT_FOUND', message: '议事不存在' })} onRetry={retry} />);
    expect(screen.getByText('议事不存在或已删除')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('返回'));
    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(retry).not.toHaveBeenCalled();
  });

  test('with nothing below (a shared link), the way out is home', () => {
    render(<StateView error={new ApiCallError({ code: 'NOT_FOUND' })} onRetry={jest.fn()} />);
    expect(screen.getByText('内容不存在或已删除')).toBeTruthy();
    fireEvent.click(screen.getByText('回到首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  test('other failures still offer 重试', () => {
    const retry = jest.fn();
    render(<StateView error={new ApiCallError({ code: 'NETWORK' })} onRetry={retry} />);
    fireEvent.click(screen.getByText('重试'));
    expect(retry).toHaveBeenCalled();
  });
});

describe('the H5 bar on a form page', () => {
  test('a page opened by a link has 首页 and no 返回; with a page below it has 返回', () => {
    const first = render(<NewOpinionPage />);
    expect(screen.getByText('⌂ 首页')).toBeTruthy();
    expect(screen.queryByText('‹ 返回')).toBeNull();
    first.unmount();
    getCurrentPages.mockReturnValue([{ route: 'pages/consult/index' }, { route: 'packages/consultation/opinion-new/index' }]);
    render(<NewOpinionPage />);
    fireEvent.click(screen.getByText('‹ 返回'));
    return waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
  });

  test('leaving with typed text asks first; 继续填写 stays, 离开 goes', async () => {
    render(<NewOpinionPage />);
    fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '垃圾桶不够用' } });

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('⌂ 首页'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '还没有提交', cancelText: '继续填写' })));
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    fireEvent.click(screen.getByText('⌂ 首页'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
  });

  test('with nothing typed, leaving asks nothing', async () => {
    render(<NewOpinionPage />);
    fireEvent.click(screen.getByText('⌂ 首页'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    expect(showModal).not.toHaveBeenCalled();
  });
});

describe('drafts', () => {
  test('an unsent opinion is kept on the phone and restored with a note when the form opens again', async () => {
    const first = render(<NewOpinionPage />);
    fireEvent.change(within(field('description')).getByRole('textbox'), { target: { value: '三号楼门口的垃圾桶每天傍晚就满了。' } });
    await waitFor(() => expect(Taro.setStorageSync).toHaveBeenCalledWith('gz.draft.opinion:c_xingfuli:pool', expect.objectContaining({ value: expect.objectContaining({ description: '三号楼门口的垃圾桶每天傍晚就满了。' }) })));
    first.unmount();

    render(<NewOpinionPage />);
    await screen.findByText('已恢复未发送的草稿');
    expect((within(field('description')).getByRole('textbox') as HTMLTextAreaElement).value).toBe('三号楼门口的垃圾桶每天傍晚就满了。');
  });

  test('a sent opinion leaves no draft behind', async () => {
    fakeCloud({ 'consultation.submitOpinion': (data) => ({ id: 'o1', ...data }) });
    render(<NewOpinionPage />);
    fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '垃圾桶不够用' } });
    fireEvent.change(within(field('description')).getByRole('textbox'), { target: { value: '傍晚就满了' } });
    fireEvent.click(screen.getByText('环境卫生'));
    await waitFor(() => expect(Taro.setStorageSync).toHaveBeenCalledWith('gz.draft.opinion:c_xingfuli:pool', expect.anything()));
    fireEvent.click(screen.getByText('提交意见'));
    await waitFor(() => expect(Taro.removeStorageSync).toHaveBeenCalledWith('gz.draft.opinion:c_xingfuli:pool'));
    expect(Taro.getStorageSync('gz.draft.opinion:c_xingfuli:pool')).toBe('');
  });
});

describe('errors', () => {
  test('a refused form brings the first red field into view and puts the cursor in it', async () => {
    const scrolled: Element[] = [];
    const proto = HTMLElement.prototype as unknown as { scrollIntoView: unknown; getClientRects: unknown };
    const saved = { scrollIntoView: proto.scrollIntoView, getClientRects: proto.getClientRects };
    proto.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    // jsdom lays nothing out: every element counts as shown.
    proto.getClientRects = () => [{}];
    try {
      render(<NewOpinionPage />);
      fireEvent.change(within(field('description')).getByRole('textbox'), { target: { value: '傍晚就满了' } });
      fireEvent.click(screen.getByText('提交意见'));
      await waitFor(() => expect(scrolled[0]).toBe(field('title')));
      expect(document.activeElement).toBe(within(field('title')).getByRole('textbox'));
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写标题' }));
    } finally {
      Object.assign(proto, saved);
    }
  });
});

describe('TabBar', () => {
  test('marks the current tab and switches to another', () => {
    render(<TabBar current="/pages/home/index" size="standard" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['首页', '议事', '服务', '我的']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    act(() => {
      fireEvent.click(tabs[1]);
    });
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/consult/index' });
    fireEvent.click(tabs[0]);
    expect(Taro.switchTab).toHaveBeenCalledTimes(1);
  });

  test('large text is set on the bar itself (weapp draws it outside any page)', () => {
    const { container } = render(<TabBar current="/pages/mine/index" size="large" badge={{ index: 3, count: 5 }} />);
    expect(container.querySelector('.gz-tabbar.gz-large')).not.toBeNull();
    expect(screen.getByLabelText('5条未读').textContent).toBe('5');
  });
});
