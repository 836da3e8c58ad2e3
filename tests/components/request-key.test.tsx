import { act, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MeView } from '@shared/contract';
import { requestKey } from '@shared/contract';
import { api } from '../../miniprogram/src/services/api';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/mine/residency/index';
import { useAction } from '../../miniprogram/src/hooks/useAction';
import type { Submission } from '../../miniprogram/src/services/requestKey';

const visitor: MeView = { id: 'u1', nickname: '', avatarFileId: null, residency: null, roles: [], admin: false, createdAt: 0 };
const communities = [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's', settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } }];
const pending = (data: Record<string, unknown>) => ({
  ...visitor,
  residency: { communityId: data.communityId, communityName: '幸福里社区', building: data.building, unit: data.unit, status: 'pending', reason: null, appliedAt: 0, reviewedAt: null },
});

const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;

/** The first application never gets an answer back (the phone's network drops it); later ones do. */
function flakyCloud() {
  let attempts = 0;
  return fakeCloud({
    'user.me': () => visitor,
    'user.listCommunities': () => communities,
    'user.applyResidency': (data) => {
      attempts++;
      if (attempts === 1) throw new Error('the answer was lost');
      return pending(data);
    },
  });
}

async function fillIn(unit: string) {
  fireEvent.click(await screen.findByText('幸福里社区'));
  fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '王秀英' } });
  fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '3号楼' } });
  fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: unit } });
}

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-visitor' });
  setMe(null);
});

test('sending the same form again after a network failure reuses its request key', async () => {
  const cloud = flakyCloud();
  render(<Page />);
  await fillIn('2单元301');
  fireEvent.click(screen.getByText('提交认证申请'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太好，请检查网络后重试' })));

  fireEvent.click(screen.getByText('提交认证申请'));
  await screen.findByText('审核中');

  const sent = cloud.calls.filter((c) => c.action === 'applyResidency').map((c) => c.data.requestKey);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  expect(requestKey().safeParse(sent[0]).success).toBe(true);
});

test('changing the form after a failure makes it a new submission with a new key', async () => {
  const cloud = flakyCloud();
  render(<Page />);
  await fillIn('2单元301');
  fireEvent.click(screen.getByText('提交认证申请'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalled());

  fireEvent.change(within(field('unit')).getByRole('textbox'), { target: { value: '2单元302' } });
  fireEvent.click(screen.getByText('提交认证申请'));
  await screen.findByText('审核中');

  const sent = cloud.calls.filter((c) => c.action === 'applyResidency').map((c) => c.data.requestKey);
  expect(sent).toHaveLength(2);
  expect(sent[1]).not.toBe(sent[0]);
});

test('the API client sends the key with create actions only', async () => {
  const cloud = fakeCloud({ 'user.applyResidency': pending, 'user.updateProfile': () => visitor });
  await api.user.applyResidency({ communityId: 'c_xingfuli', building: '3号楼', unit: '101' }, { requestKey: 'key-client-0001' });
  await api.user.updateProfile({ nickname: '张阿姨' }, { requestKey: 'key-client-0002' });
  expect(cloud.calls.map((c) => c.data)).toEqual([
    { communityId: 'c_xingfuli', building: '3号楼', unit: '101', requestKey: 'key-client-0001' },
    { nickname: '张阿姨' },
  ]);
});

test('useAction keeps a key per button: a retry of the same content reuses it, a success or new content starts afresh', async () => {
  const { result } = renderHook(() => useAction());
  const sent: { button: string; key: string }[] = [];
  const press = (button: string, content: string, fails: boolean) =>
    act(async () => {
      await result.current.run(
        button,
        async (submission: Submission) => {
          sent.push({ button, key: submission.requestKey });
          if (fails) throw new Error('the answer was lost');
          return true;
        },
        { content },
      );
    });

  await press('comment', '同意', true);
  await press('comment', '同意', false);
  await press('comment', '同意', false);
  await press('point', '同意', true);
  await press('point', '改过的内容', false);

  const [lost, retried, next, otherButton, changed] = sent.map((s) => s.key);
  expect(retried).toBe(lost);
  expect(next).not.toBe(lost);
  expect(otherButton).not.toBe(lost);
  expect(changed).not.toBe(otherButton);
  expect(sent.every((s) => requestKey().safeParse(s.key).success)).toBe(true);
});
