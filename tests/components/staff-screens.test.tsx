import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MemberView, MeView } from '@shared/contract';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import SettingsPage from '../../miniprogram/src/packages/admin/settings/index';
import MembersPage from '../../miniprogram/src/packages/admin/members/index';

const staff: MeView = { id: 'u_staff', nickname: '李书记', avatarFileId: null, residency: null, roles: [{ communityId: 'c_xingfuli', role: 'staff' }], admin: false, createdAt: 0 };
const communities = [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's1', settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } }];
const host: MemberView = { userId: 'u_host', nickname: '王大姐', name: '王秀英', building: '3号楼', unit: '2单元', room: '301', roles: ['host'] };
const resident: MemberView = { userId: 'u_zhang', nickname: '张阿姨', name: '张桂芳', building: '1号楼', unit: '1单元', room: '102', roles: [] };

const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-staff' });
  setMe(null);
  router.params = { communityId: 'c_xingfuli' };
  (Taro.showModal as jest.Mock).mockClear();
});

describe('社区设置', () => {
  test('shows every module\'s settings in words with their saved values, and sends only what changed', async () => {
    const cloud = fakeCloud({
      'user.me': () => staff,
      'user.listCommunities': () => communities,
      'user.updateCommunitySettings': (data) => ({ ...communities[0], settings: data.settings }),
    });
    render(<SettingsPage />);
    const days = await waitFor(() => field('settings.consultation.noticeDays').querySelector('input') as HTMLInputElement);
    await waitFor(() => expect(days.value).toBe('3'));
    expect(screen.getByText('协商公告提前天数')).toBeTruthy();
    expect(within(field('settings.consultation.noticeDays')).getByText(/可填 0–30天/)).toBeTruthy();
    expect(screen.getByText('没有修改')).toBeTruthy();

    fireEvent.change(days, { target: { value: '5' } });
    fireEvent.click(screen.getByText('保存设置'));
    await waitFor(() => expect(cloud.actions()).toContain('user.updateCommunitySettings'));
    expect(cloud.calls.find((c) => c.action === 'updateCommunitySettings')?.data).toEqual({ communityId: 'c_xingfuli', settings: { consultation: { noticeDays: 5 } } });
  });

  test('a value out of range is refused under its field by the module\'s own rule, and nothing is sent', async () => {
    const cloud = fakeCloud({ 'user.me': () => staff, 'user.listCommunities': () => communities });
    render(<SettingsPage />);
    const days = await waitFor(() => field('settings.consultation.noticeDays').querySelector('input') as HTMLInputElement);
    await waitFor(() => expect(days.value).toBe('3'));
    fireEvent.change(days, { target: { value: '45' } });
    fireEvent.click(screen.getByText('保存设置'));
    await waitFor(() => expect(within(field('settings.consultation.noticeDays')).getByRole('alert').textContent).toBe('提前天数最多30天'));
    expect(cloud.actions()).not.toContain('user.updateCommunitySettings');
  });
});

describe('居民名单与主持人', () => {
  const cloudWith = () =>
    fakeCloud({
      'user.me': () => staff,
      'user.listCommunities': () => communities,
      'user.listRoleHolders': () => ({ items: [host], nextCursor: null }),
      'user.listMembers': () => ({ items: [resident, host], nextCursor: null }),
      'user.grantHost': () => ({ ...resident, roles: ['host'] }),
      'user.revokeHost': () => ({ ...host, roles: [] }),
    });

  test('appointing a host is one tap; removing one asks first, and 再想想 sends nothing', async () => {
    const cloud = cloudWith();
    render(<MembersPage />);
    await screen.findByText('张桂芳（张阿姨）');
    expect(screen.getAllByText('王秀英（王大姐）')).toHaveLength(2);

    fireEvent.click(screen.getByText('设为主持人'));
    await waitFor(() => expect(cloud.actions()).toContain('user.grantHost'));
    expect(Taro.showModal).not.toHaveBeenCalled();

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(screen.getByTestId('hosts')).getByText('撤销主持人'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销主持人', content: expect.stringContaining('王秀英（王大姐）') })));
    expect(cloud.actions()).not.toContain('user.revokeHost');

    fireEvent.click(within(screen.getByTestId('hosts')).getByText('撤销主持人'));
    await waitFor(() => expect(cloud.actions()).toContain('user.revokeHost'));
  });

  test('the search sends the building and unit, and a unit alone is refused before sending', async () => {
    const cloud = cloudWith();
    render(<MembersPage />);
    await screen.findByText('张桂芳（张阿姨）');
    fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: '2单元' } });
    fireEvent.click(screen.getByText('查找'));
    expect(within(field('building')).getByRole('alert').textContent).toBe('按单元查找时请先填写楼栋');

    fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '3号楼' } });
    fireEvent.click(screen.getByText('查找'));
    await waitFor(() => expect(cloud.calls.filter((c) => c.action === 'listMembers').at(-1)?.data).toMatchObject({ communityId: 'c_xingfuli', building: '3号楼', unit: '2单元' }));
  });
});
