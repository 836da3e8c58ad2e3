import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { parseShanghai } from '@shared/time';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/admin/notice-edit/index';

function renderEditor() {
  return render(<Page />);
}

const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;
const view = (over: Record<string, unknown>) => ({
  id: 'n_new', title: 't', category: '通知', scope: 'community', communityId: 'c_xingfuli', communityName: '幸福里社区', pinned: false, publishAt: null,
  coverFileId: null, excerpt: '', body: 'b', images: [], attachments: [], status: 'draft', expireAt: null, readCount: 0, createdAt: 0, updatedAt: 0, source: null, ...over,
});

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-staff' });
  router.params = { communityId: 'c_xingfuli' };
});

test('a one-character title gets the schema’s message and nothing is created', async () => {
  const cloud = fakeCloud({});
  renderEditor();
  fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '停' } });
  fireEvent.change(within(field('body')).getByRole('textbox'), { target: { value: '明天停水' } });
  fireEvent.click(screen.getByText('保存并发布'));
  await waitFor(() => expect(within(field('title')).getByRole('alert').textContent).toBe('标题至少2个字'));
  expect(cloud.calls).toHaveLength(0);
});

test('publishing at a set time sends the Shanghai wall-clock time as a timestamp', async () => {
  const cloud = fakeCloud({
    'notice.create': (d) => view({ title: d.title, body: d.body }),
    'notice.publish': (d) => view({ status: 'scheduled', publishAt: d.publishAt }),
  });
  renderEditor();
  fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '元旦联欢会' } });
  fireEvent.change(within(field('body')).getByRole('textbox'), { target: { value: '欢迎邻居们来参加' } });
  fireEvent.click(screen.getByText('定时发布'));
  fireEvent.change(within(field('publishAt')).getByLabelText('picker-date'), { target: { value: '2030-01-01' } });
  fireEvent.change(within(field('publishAt')).getByLabelText('picker-time'), { target: { value: '09:30' } });
  fireEvent.click(screen.getByText('保存并定时发布'));

  await waitFor(() => expect(cloud.actions()).toEqual(['notice.create', 'notice.publish']));
  expect(cloud.calls[1].data).toEqual({ id: 'n_new', publishAt: parseShanghai('2030-01-01 09:30') });
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '将于 2030年1月1日 09:30 发布' }));
});

test('choosing 定时发布 without a date asks for the date under the field', async () => {
  const cloud = fakeCloud({ 'notice.create': (d) => view({ title: d.title }) });
  renderEditor();
  fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '元旦联欢会' } });
  fireEvent.change(within(field('body')).getByRole('textbox'), { target: { value: '欢迎' } });
  fireEvent.click(screen.getByText('定时发布'));
  fireEvent.click(screen.getByText('保存并定时发布'));
  await waitFor(() => expect(within(field('publishAt')).getByRole('alert').textContent).toBe('请选择发布时间'));
  expect(cloud.calls).toHaveLength(0);
});
