import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MeView } from '@shared/contract';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { RESIDENT_ABILITIES } from '@shared/modules';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/mine/residency/index';

const visitor: MeView = { id: 'u1', nickname: '', avatarFileId: null, residency: null, roles: [], admin: false, createdAt: 0 };
const communities = [
  { id: 'c_heping', name: '和平社区', streetId: 's', settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } },
  { id: 'c_xingfuli', name: '幸福里社区', streetId: 's', settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } },
];

function renderPage() {
  return render(<Page />);
}

function field(name: string): HTMLElement {
  return document.querySelector(`[data-field="${name}"]`) as HTMLElement;
}

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-visitor' });
  setMe(null);
});

test('submitting an empty form shows the shared schema’s Chinese message under each field and sends nothing', async () => {
  const cloud = fakeCloud({ 'user.me': () => visitor, 'user.listCommunities': () => communities });
  renderPage();
  await screen.findByText('幸福里社区');

  fireEvent.click(screen.getByText('提交认证申请'));

  await waitFor(() => expect(within(field('building')).getByRole('alert').textContent).toBe('请填写楼栋'));
  expect(within(field('name')).getByRole('alert').textContent).toBe('请填写姓名');
  expect(within(field('unit')).getByRole('alert').textContent).toBe('请填写单元/门牌');
  expect(within(field('phone')).queryByRole('alert')).toBeNull();
  expect(within(field('communityId')).getByRole('alert').textContent).toBe('缺少社区');
  expect(cloud.actions()).not.toContain('user.applyResidency');
});

test('a message goes away once that field is filled in', async () => {
  fakeCloud({ 'user.me': () => visitor, 'user.listCommunities': () => communities });
  renderPage();
  await screen.findByText('幸福里社区');
  fireEvent.click(screen.getByText('提交认证申请'));
  await waitFor(() => expect(within(field('building')).queryByRole('alert')).not.toBeNull());

  fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '3号楼' } });
  expect(within(field('building')).queryByRole('alert')).toBeNull();
  expect(within(field('unit')).getByRole('alert').textContent).toBe('请填写单元/门牌');
});

test('a complete form is sent, and the page then shows 审核中', async () => {
  const cloud = fakeCloud({
    'user.me': () => visitor,
    'user.listCommunities': () => communities,
    'user.applyResidency': (data) => ({
      ...visitor,
      residency: { communityId: data.communityId, communityName: '幸福里社区', building: data.building, unit: data.unit, status: 'pending', reason: null, appliedAt: Date.now(), reviewedAt: null },
    }),
  });
  renderPage();
  fireEvent.click(await screen.findByText('幸福里社区'));
  fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '王秀英' } });
  fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '3号楼' } });
  fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: '2单元301' } });
  fireEvent.change(within(field('phone')).getByRole('textbox'), { target: { value: '138 1234 5678' } });
  fireEvent.click(screen.getByText('提交认证申请'));

  await screen.findByText('审核中');
  expect(cloud.calls.find((c) => c.action === 'applyResidency')?.data).toEqual({
    communityId: 'c_xingfuli',
    name: '王秀英',
    building: '3号楼',
    unit: '2单元301',
    phone: '138 1234 5678',
    requestKey: expect.any(String),
  });
  expect(screen.queryByText('提交认证申请')).toBeNull();
});

test('a server-side refusal with field messages lands under the fields too', async () => {
  fakeCloud({
    'user.me': () => visitor,
    'user.listCommunities': () => communities,
    'user.applyResidency': () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '楼栋含有不当内容，请修改后再提交', fields: { building: '含有不当内容，请修改' } } }),
  });
  renderPage();
  fireEvent.click(await screen.findByText('和平社区'));
  fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '吴淑珍' } });
  fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '某某楼' } });
  fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: '101' } });
  fireEvent.click(screen.getByText('提交认证申请'));
  await waitFor(() => expect(within(field('building')).getByRole('alert').textContent).toBe('含有不当内容，请修改'));
});

test('a rejected application shows the reason and offers to apply again', async () => {
  fakeCloud({
    'user.me': () => ({
      ...visitor,
      residency: { communityId: 'c_xingfuli', communityName: '幸福里社区', building: '9号楼', unit: '602', status: 'rejected', reason: '门牌号与登记不符', appliedAt: 0, reviewedAt: 1 },
    }),
    'user.listCommunities': () => communities,
  });
  renderPage();
  await screen.findByText('未通过的原因：门牌号与登记不符');
  fireEvent.click(screen.getByText('重新申请'));
  await screen.findByText('提交认证申请');
});

test('a phone number that is not one is refused under its field before anything is sent', async () => {
  const cloud = fakeCloud({ 'user.me': () => visitor, 'user.listCommunities': () => communities });
  renderPage();
  fireEvent.click(await screen.findByText('幸福里社区'));
  fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '王秀英' } });
  fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '3号楼' } });
  fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: '2单元301' } });
  fireEvent.change(within(field('phone')).getByRole('textbox'), { target: { value: '晚上打' } });
  fireEvent.click(screen.getByText('提交认证申请'));
  await waitFor(() => expect(within(field('phone')).getByRole('alert').textContent).toBe('请填写正确的电话号码，如 13812345678'));
  expect(cloud.actions()).not.toContain('user.applyResidency');
});

test('the page promises only what the registered modules offer', async () => {
  fakeCloud({ 'user.me': () => visitor, 'user.listCommunities': () => communities });
  renderPage();
  const intro = (await screen.findByTestId('residency-intro')).textContent ?? '';
  expect(intro).toContain(`认证后可以${RESIDENT_ABILITIES.join('，')}。`);
  expect(intro).toContain('议事');
  // Nothing registered yet offers wishes or room booking.
  for (const promise of ['许愿', '预约活动室']) {
    if (!RESIDENT_ABILITIES.some((a) => a.includes(promise))) expect(intro).not.toContain(promise);
  }
});
