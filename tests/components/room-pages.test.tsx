import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { GridSlot, MeView, MyStanding, RoomGrid, RoomView } from '@shared/contract';
import { dateAfter } from '@shared/room/rules';
import { shanghaiDate } from '@shared/time';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import BookPage from '../../miniprogram/src/packages/room/book/index';
import RoomPage from '../../miniprogram/src/packages/room/room/index';

const resident: MeView = {
  id: 'u_r',
  nickname: '张阿姨',
  avatarFileId: null,
  residency: { communityId: 'c_xingfuli', communityName: '幸福里社区', status: 'approved', building: '1号楼', unit: '1单元', reason: null, appliedAt: 0, reviewedAt: 0 },
  roles: [],
  admin: false,
  createdAt: 0,
};

const DAY = dateAfter(shanghaiDate(Date.now()), 2);

const room: RoomView = {
  id: 'r_1',
  communityId: 'c_xingfuli',
  name: '书画室',
  kind: '活动室',
  capacity: 20,
  facilities: ['桌椅'],
  photos: [],
  needsApproval: true,
  inUse: true,
  hours: Array.from({ length: 7 }, () => ({ open: '09:00', close: '11:00' })),
  slotMinutes: 30,
  maxMinutes: 60,
  horizonDays: 14,
  rules: '',
  checkInCode: null,
  createdAt: 0,
  updatedAt: 0,
};

const standing: MyStanding = {
  communityId: 'c_xingfuli',
  activeBookings: 0,
  maxActiveBookings: 3,
  minutesThisWeek: 0,
  maxHoursPerWeek: 6,
  cancelCutoffHours: 2,
  recentNoShows: 0,
  noShowLimit: 3,
  suspendDays: 14,
  suspension: null,
};

const slot = (start: string, end: string, state: GridSlot['state'], label: string | null = null): GridSlot => ({ start, end, state, label, mine: false, bookingId: null });

const grid: RoomGrid = {
  communityId: 'c_xingfuli',
  from: DAY,
  days: 1,
  rooms: [
    {
      room,
      slotMinutes: 30,
      maxMinutes: 60,
      days: [{ date: DAY, weekday: 0, hours: { open: '09:00', close: '11:00' }, slots: [slot('09:00', '09:30', 'free'), slot('09:30', '10:00', 'free'), slot('10:00', '10:30', 'taken', '议事厅：楼道堆物如何清理'), slot('10:30', '11:00', 'free')] }],
    },
  ],
};

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-resident-1' });
  setMe(resident);
  (Taro.navigateTo as jest.Mock).mockClear();
});

test('the grid: a tap chooses the start, a later free slot the end; a taken slot says by what and offers the queue', async () => {
  router.params = { id: 'r_1', date: DAY };
  fakeCloud({ 'user.me': () => resident, 'room.room': () => room, 'room.grid': () => grid, 'room.myStanding': () => standing });
  render(<RoomPage />);
  fireEvent.click(await screen.findByText('09:00–09:30'));
  fireEvent.click(screen.getByText('09:30–10:00'));
  await screen.findByText(/已选：.*09:00–10:00/);
  fireEvent.click(screen.getByText('预约这个时段'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/room/book/index?roomId=r_1&date=${DAY}&start=09%3A00&end=10%3A00` });

  fireEvent.click(screen.getByText('10:00–10:30'));
  await screen.findByText('10:00–10:30：议事厅：楼道堆物如何清理');
  expect(screen.queryByText(/已选：/)).toBeNull();
  fireEvent.click(screen.getByText('排队候补这个时段'));
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/room/book/index?roomId=r_1&date=${DAY}&start=10%3A00&end=10%3A30&wait=1` });
});

test('the form: a range taken meanwhile is refused at the start field and offers 排队候补 with the same details', async () => {
  router.params = { roomId: 'r_1', date: DAY, start: '09%3A00', end: '10%3A00' };
  const cloud = fakeCloud({
    'user.me': () => resident,
    'room.room': () => room,
    'room.book': () => ({ ok: false, error: { code: 'SLOT_TAKEN', message: '这个时段已被预约，可以加入候补，空出时按顺序为您保留' } }),
    'room.joinWaitlist': (data) => ({ id: 'w_1', ...data, status: 'waiting', statusLabel: '排队中', seq: 1, position: 1, bookingId: null, holdUntil: null, createdAt: 0, roomName: '书画室', communityId: 'c_xingfuli' }),
  });
  render(<BookPage />);
  await screen.findByText('09:00');
  expect(screen.queryByText('排队候补这个时段')).toBeNull();
  fireEvent.input(document.querySelector('[data-field="purpose"] input')!, { target: { value: '书法小组练习' } });
  fireEvent.input(document.querySelector('[data-field="attendees"] input')!, { target: { value: '8' } });
  fireEvent.click(screen.getByText('提交预约（需社区审核）'));
  await waitFor(() => expect(document.querySelector('[data-field="start"] .gz-field__error')?.textContent).toContain('已被预约'));
  fireEvent.click(screen.getByText('排队候补这个时段'));
  await waitFor(() => expect(cloud.actions()).toContain('room.joinWaitlist'));
  const sent = cloud.calls.find((c) => c.action === 'joinWaitlist')!.data;
  expect(sent).toMatchObject({ roomId: 'r_1', date: DAY, start: '09:00', end: '10:00', purpose: '书法小组练习', attendees: 8 });
});
