import { render, screen } from '@testing-library/react';
import type { MeView } from '@shared/contract';
import type { OutboxView } from '@shared/notify/contract';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { formatDateTime } from '../../miniprogram/src/services/format';
import { fakeCloud } from './support/fakeCloud';
import Page, { sendStateText } from '../../miniprogram/src/packages/admin/outbox/index';

const staff: MeView = { id: 'u_staff', nickname: '李书记', avatarFileId: null, residency: null, roles: [{ communityId: 'c_xingfuli', role: 'staff' }], admin: false, createdAt: 0 };
const communities = [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's1', settings: {} }];

const entry: OutboxView = {
  id: 'ob_1',
  event: 'consultation.postponed',
  label: '议事延期',
  title: '您报名的议事已延期',
  link: { module: 'consultation', id: 'cs_1' },
  recipients: 2,
  delivered: true,
  createdAt: 0,
  sends: [
    { userId: 'u_1', state: 'skipped', reason: 'local', tries: 0, nextAt: null },
    { userId: 'u_2', state: 'dead', reason: 'network', tries: 5, nextAt: null },
  ],
};

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-staff' });
  setMe(null);
  router.params = { communityId: 'c_xingfuli' };
});

test('lists each notification with its recipients and what became of each WeChat reminder', async () => {
  const cloud = fakeCloud({ 'user.me': () => staff, 'user.listCommunities': () => communities, 'notify.listOutbox': () => ({ items: [entry], nextCursor: null }) });
  render(<Page />);
  await screen.findByText('您报名的议事已延期');
  expect(screen.getByText('收件人 2 人')).toBeTruthy();
  expect(screen.getByText('u_1：未发送（本地环境不发送）')).toBeTruthy();
  expect(screen.getByText('u_2：多次失败，已放弃（网络错误，稍后重试），已尝试 5 次')).toBeTruthy();
  expect(cloud.calls.find((c) => c.action === 'listOutbox')?.data).toMatchObject({ communityId: 'c_xingfuli' });
});

test('an empty outbox says so', async () => {
  fakeCloud({ 'user.me': () => staff, 'user.listCommunities': () => communities, 'notify.listOutbox': () => ({ items: [], nextCursor: null }) });
  render(<Page />);
  await screen.findByText('还没有发出过通知');
});

test('a send waiting for another try says what WeChat answered and when it goes again', () => {
  const nextAt = Date.UTC(2026, 4, 1, 2, 30);
  expect(sendStateText({ userId: 'u', state: 'queued', reason: 'wechat--1', tries: 2, nextAt })).toBe(`等待发送（微信返回错误码 -1），${formatDateTime(nextAt)} 发送，已尝试 2 次`);
  expect(sendStateText({ userId: 'u', state: 'failed', reason: 'wechat-47003', tries: 1, nextAt: null })).toBe('发送失败（微信返回错误码 47003）');
});
