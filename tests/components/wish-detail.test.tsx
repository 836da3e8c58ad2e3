import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView, WishView } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/wish/detail/index';

const volunteer: MeView = { id: 'u_v', nickname: '刘大爷', avatarFileId: null, residency: null, roles: [], admin: false, createdAt: 0 };
const NOW = Date.now();

const base: WishView = {
  id: 'w_1',
  communityId: 'c_xingfuli',
  communityName: '幸福里社区',
  maskedName: '张**',
  building: '1号楼',
  category: '生活用品',
  title: '想要一台收音机',
  description: '',
  estimatedValue: 80,
  deadline: NOW + 10 * DAY_MS,
  status: 'published',
  proxy: false,
  publishedAt: NOW,
  createdAt: NOW,
  contact: null,
  claim: null,
  fulfilment: null,
  confirmation: null,
  rejectReason: null,
  mine: false,
  claimedByMe: false,
  can: { withdraw: false, claim: true, release: false, fulfil: false, confirm: false, confirmByPhone: false, review: false },
};

const claimed: WishView = {
  ...base,
  status: 'claimed',
  claimedByMe: true,
  contact: { name: '张秀英', phone: '13800138000', address: '1号楼1单元102' },
  claim: { claimantName: '刘大爷', claimantKind: 'resident', promisedDate: NOW + DAY_MS, claimedAt: NOW, overdue: false },
  can: { ...base.can, claim: false, release: true, fulfil: true },
};

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-resident-2' });
  setMe(null);
  router.params = { id: 'w_1' };
  (Taro.showModal as jest.Mock).mockClear();
});

test('before a claim there is no contact; claiming asks first, and a "再想想" sends nothing', async () => {
  const cloud = fakeCloud({ 'user.me': () => volunteer, 'wish.get': () => base, 'wish.timeline': () => [], 'wish.claim': () => claimed });
  (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
  render(<Page />);
  await screen.findByText('我来认领');
  expect(screen.queryByText(/13800138000/)).toBeNull();
  fireEvent.click(screen.getByText('我来认领'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(cloud.actions()).not.toContain('wish.claim');
});

test('a confirmed claim shows the contact and the claimant’s actions', async () => {
  const cloud = fakeCloud({ 'user.me': () => volunteer, 'wish.get': () => base, 'wish.timeline': () => [], 'wish.claim': () => claimed });
  render(<Page />);
  fireEvent.click(await screen.findByText('我来认领'));
  await screen.findByText('电话：13800138000');
  expect(cloud.actions()).toContain('wish.claim');
  expect(screen.getByText('报告心愿已实现')).toBeTruthy();
  expect(screen.getByText('放弃认领')).toBeTruthy();
  expect(screen.queryByText('我来认领')).toBeNull();
});
