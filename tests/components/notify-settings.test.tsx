import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeView } from '@shared/contract';
import type { NotifyPreference } from '@shared/notify/contract';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { acceptedIds, templateIdsFor } from '../../miniprogram/src/services/subscriptions';
import { fakeCloud } from './support/fakeCloud';
import Page from '../../miniprogram/src/packages/mine/notify/index';

const resident: MeView = { id: 'u1', nickname: '张阿姨', avatarFileId: null, residency: null, roles: [], admin: false, createdAt: 0 };

function prefs(off: string[] = []): NotifyPreference[] {
  return [
    { event: 'consultation.announced', label: '议事公告', when: '您提的意见被纳入议事、发布协商公告时', on: !off.includes('consultation.announced'), left: 0 },
    { event: 'consultation.results', label: '议事结果', when: '您参加或提过意见的议事公示结果时', on: !off.includes('consultation.results'), left: 2 },
  ];
}

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-resident-1' });
  setMe(null);
});

test('lists each event with its switch, and a tap turns one off through the API', async () => {
  const cloud = fakeCloud({
    'user.me': () => resident,
    'notify.preferences': () => prefs(),
    'notify.setPreference': (data) => prefs(data.on ? [] : [data.event as string]),
  });
  render(<Page />);
  await screen.findByText('议事公告');
  const switches = screen.getAllByTestId('notify-toggle');
  expect(switches.map((s) => s.getAttribute('aria-checked'))).toEqual(['true', 'true']);
  // H5 says plainly that no WeChat reminder comes from here.
  expect(screen.getByText(/网页版不发送微信提醒/)).toBeTruthy();

  fireEvent.click(switches[1]);
  await waitFor(() => expect(screen.getAllByTestId('notify-toggle')[1].getAttribute('aria-checked')).toBe('false'));
  expect(cloud.calls.find((c) => c.action === 'setPreference')?.data).toEqual({ event: 'consultation.results', on: false });
});

test('a failed load shows the message with 重试, which loads again', async () => {
  let fail = true;
  fakeCloud({
    'user.me': () => resident,
    'notify.preferences': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } : prefs()),
  });
  render(<Page />);
  await screen.findByText('系统繁忙，请稍后再试');
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('议事结果');
});

test('the subscription request asks for at most three known templates, and counts only the accepted ones', () => {
  const list = ['A', 'B', 'C', 'D'].map((key) => ({ key, templateId: `tpl-${key}` }));
  expect(templateIdsFor(['D', 'X', 'A', 'B', 'C'], list)).toEqual(['tpl-D', 'tpl-A', 'tpl-B']);
  expect(acceptedIds(['tpl-A', 'tpl-B', 'tpl-C'], { errMsg: 'requestSubscribeMessage:ok', 'tpl-A': 'accept', 'tpl-B': 'reject', 'tpl-C': 'ban' })).toEqual(['tpl-A']);
});
