import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { parseShanghai } from '@shared/time';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { meStore } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/admin/notice-edit/index';

function renderEditor() {
  return render(<Page />);
}

type Cloud = ReturnType<typeof fakeCloud>;
// The editor also asks who is signed in and the communities' names (for the admin's 全街道 choice).
const noticeCalls = (cloud: Cloud) => cloud.calls.filter((c) => c.fn === 'notice');
const noticeActions = (cloud: Cloud) => noticeCalls(cloud).map((c) => `${c.fn}.${c.action}`);

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
  expect(noticeCalls(cloud)).toHaveLength(0);
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

  await waitFor(() => expect(noticeActions(cloud)).toEqual(['notice.create', 'notice.publish']));
  expect(noticeCalls(cloud)[1].data).toEqual({ id: 'n_new', publishAt: parseShanghai('2030-01-01 09:30') });
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
  expect(noticeCalls(cloud)).toHaveLength(0);
});

test('editing reads the notice with getManaged, a draft included, without paging through the managed list', async () => {
  router.params = { communityId: 'c_xingfuli', id: 'n_draft' };
  const cloud = fakeCloud({ 'notice.getManaged': (d) => view({ id: d.id, title: '下周停水通知', status: 'draft' }) });
  renderEditor();
  await waitFor(() => expect((within(field('title')).getByRole('textbox') as HTMLInputElement).value).toBe('下周停水通知'));
  expect(noticeActions(cloud)).toEqual(['notice.getManaged']);
  expect(noticeCalls(cloud)[0].data).toEqual({ id: 'n_draft' });
});

const me = (over: Record<string, unknown>) => ({ id: 'u1', nickname: '周主任', avatarFileId: null, residency: null, roles: [], admin: false, createdAt: 0, ...over });
const communities = [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's1', settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } }];

test('community staff are not offered 全街道', async () => {
  const cloud = fakeCloud({ 'user.me': () => me({ roles: [{ communityId: 'c_xingfuli', role: 'staff' }] }), 'user.listCommunities': () => communities });
  renderEditor();
  await waitFor(() => expect(meStore.get().me?.roles).toHaveLength(1));
  expect(cloud.actions()).toContain('user.me');
  expect(field('scope')).toBeNull();
  expect(screen.getByText('保存并发布')).toBeTruthy();
});

test('the street admin chooses 全街道 and the notice is created street-wide', async () => {
  const cloud = fakeCloud({
    'user.me': () => me({ admin: true }),
    'user.listCommunities': () => communities,
    'notice.create': (d) => view({ title: d.title, scope: d.scope, communityId: null, communityName: '全街道' }),
    'notice.publish': () => view({ status: 'published', scope: 'street', communityId: null, communityName: '全街道' }),
  });
  renderEditor();
  await screen.findByText('本社区（幸福里社区）');
  fireEvent.click(within(field('scope')).getByText('全街道'));
  fireEvent.change(within(field('title')).getByRole('textbox'), { target: { value: '街道消防安全月' } });
  fireEvent.change(within(field('body')).getByRole('textbox'), { target: { value: '本月各社区开展消防演练' } });
  fireEvent.click(screen.getByText('保存并发布'));
  await waitFor(() => expect(noticeActions(cloud)).toEqual(['notice.create', 'notice.publish']));
  expect(noticeCalls(cloud)[0].data).toMatchObject({ communityId: 'c_xingfuli', scope: 'street', title: '街道消防安全月' });
});
