import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingView, GridSlot, MemberView, MeView, RoomView } from '@shared/contract';
import { router } from './mocks/taro';
import { setSession } from '../../miniprogram/src/services/session';
import { setMe } from '../../miniprogram/src/services/me';
import { fakeCloud } from './support/fakeCloud';
import RoomEditPage from '../../miniprogram/src/packages/room/staff/room-edit/index';
import RoomStaffPage from '../../miniprogram/src/packages/room/staff/index';
import ProxyBookPage from '../../miniprogram/src/packages/room/staff/proxy/index';

const staff: MeView = { id: 'u_staff', nickname: '李书记', avatarFileId: null, residency: null, roles: [{ communityId: 'c_xingfuli', role: 'staff' }], admin: false, createdAt: 0 };
const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;
const day = (i: number) => screen.getByTestId(`hours-${i}`);

const room: RoomView = {
  id: 'r_1',
  communityId: 'c_xingfuli',
  name: '二楼活动室',
  kind: '活动室',
  capacity: 30,
  facilities: ['投影仪', '音响'],
  photos: [],
  needsApproval: true,
  inUse: true,
  hours: [{ open: '09:00', close: '21:00' }, { open: '09:00', close: '21:00' }, { open: '09:00', close: '21:00' }, { open: '09:00', close: '21:00' }, { open: '09:00', close: '21:00' }, { open: '09:00', close: '17:00' }, null],
  slotMinutes: 30,
  maxMinutes: 120,
  horizonDays: 14,
  rules: '',
  checkInCode: '4821',
  createdAt: 0,
  updatedAt: 0,
};

const pending: BookingView = {
  id: 'b_1',
  communityId: 'c_xingfuli',
  roomId: 'r_1',
  roomName: '二楼活动室',
  date: '2026-12-09',
  start: '14:00',
  end: '16:00',
  startAt: 0,
  endAt: 0,
  purpose: '合唱队排练',
  attendees: 12,
  status: 'pending',
  statusLabel: '待审核',
  kind: 'resident',
  bookerId: 'u_zhang',
  bookerName: '张桂芳',
  publicLabel: '已预约',
  seriesId: null,
  consultationId: null,
  proxyBy: null,
  holdUntil: null,
  rejectReason: null,
  cancelReason: null,
  cancelledBy: null,
  checkedInAt: null,
  checkInFrom: 0,
  checkInUntil: 0,
  mine: false,
  can: { cancel: true, checkIn: false, accept: false, decline: false, review: true, markCheckedIn: false },
  createdAt: 0,
  updatedAt: 0,
};

beforeEach(() => {
  setSession({ token: 't', openid: 'demo-staff' });
  setMe(null);
  router.params = { communityId: 'c_xingfuli' };
  (Taro.showModal as jest.Mock).mockClear();
  (Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true, cancel: false });
});

describe('the room editor', () => {
  test('a day is shut and opened with one tap, one day\'s hours copy to every open day, and the week is sent as seven entries', async () => {
    const cloud = fakeCloud({ 'user.me': () => staff, 'room.createRoom': (data) => ({ ...room, ...data, id: 'r_new' }) });
    render(<RoomEditPage />);
    fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '一楼会议室' } });
    fireEvent.change(field('capacity').querySelector('input') as HTMLInputElement, { target: { value: '20' } });
    fireEvent.change(within(field('facilities')).getByRole('textbox'), { target: { value: '投影仪、 白板，音响' } });

    // 周二 shut; 周日 opened (it takes its neighbour's hours); 周一 opens at 08:00 and that goes to every open day.
    fireEvent.click(within(day(1)).getByRole('switch'));
    expect(within(day(1)).getByRole('switch').textContent).toBe('不开放');
    fireEvent.click(within(day(6)).getByRole('switch'));
    expect(within(day(6)).getAllByLabelText('picker-time').map((i) => (i as HTMLInputElement).value)).toEqual(['09:00', '17:00']);
    fireEvent.change(within(day(0)).getAllByLabelText('picker-time')[0], { target: { value: '08:00' } });
    fireEvent.click(screen.getByTestId('hours-copy'));

    fireEvent.click(screen.getByTestId('room-save'));
    await waitFor(() => expect(cloud.actions()).toContain('room.createRoom'));
    const sent = cloud.calls.find((c) => c.action === 'createRoom')?.data as Record<string, unknown>;
    const open = { open: '08:00', close: '21:00' };
    expect(sent.hours).toEqual([open, null, open, open, open, open, open]);
    expect(sent).toMatchObject({ communityId: 'c_xingfuli', name: '一楼会议室', capacity: 20, facilities: ['投影仪', '白板', '音响'], slotMinutes: 30, maxMinutes: 120, needsApproval: false });
  });

  test('a day that closes before it opens is refused under 开放时间, and nothing is sent', async () => {
    const cloud = fakeCloud({ 'user.me': () => staff });
    render(<RoomEditPage />);
    fireEvent.change(within(field('name')).getByRole('textbox'), { target: { value: '一楼会议室' } });
    fireEvent.change(within(day(2)).getAllByLabelText('picker-time')[1], { target: { value: '08:30' } });
    expect(within(day(2)).getByRole('alert').textContent).toBe('关门时间须晚于开门时间');
    fireEvent.click(screen.getByTestId('room-save'));
    await waitFor(() => expect(within(field('hours')).getAllByRole('alert').map((a) => a.textContent)).toContain('关门时间须晚于开门时间'));
    expect(cloud.actions()).not.toContain('room.createRoom');
  });

  test('editing loads the room, and the server\'s message about one weekday shows under the whole week', async () => {
    router.params = { communityId: 'c_xingfuli', roomId: 'r_1' };
    const cloud = fakeCloud({
      'user.me': () => staff,
      'room.room': () => room,
      'room.updateRoom': () => ({ ok: false, error: { code: 'VALIDATION', message: '开放时间格式不正确', fields: { 'hours.5.close': '关门时间格式不正确' } } }),
    });
    render(<RoomEditPage />);
    await waitFor(() => expect((within(field('name')).getByRole('textbox') as HTMLInputElement).value).toBe('二楼活动室'));
    expect((within(field('facilities')).getByRole('textbox') as HTMLInputElement).value).toBe('投影仪、音响');
    expect(within(day(6)).getByRole('switch').textContent).toBe('不开放');
    fireEvent.click(screen.getByTestId('room-save'));
    await waitFor(() => expect(within(field('hours')).getByText('关门时间格式不正确')).toBeTruthy());
    expect(cloud.calls.find((c) => c.action === 'updateRoom')?.data).toMatchObject({ roomId: 'r_1', needsApproval: true, inUse: true });
  });
});

describe('the approval queue', () => {
  test('a rejection needs its reason, asks once, and 再想想 sends nothing; approving takes the booking off the queue', async () => {
    const second = { ...pending, id: 'b_2', bookerName: '刘大爷', start: '18:00', end: '19:00' };
    const cloud = fakeCloud({
      'user.me': () => staff,
      'user.listCommunities': () => [{ id: 'c_xingfuli', name: '幸福里社区', streetId: 's1', settings: {} }],
      'room.approvalQueue': () => ({ items: [pending, second], nextCursor: null }),
      'room.review': (data) => ({ ...pending, id: data.id, status: data.approve ? 'confirmed' : 'rejected' }),
    });
    render(<RoomStaffPage />);
    await screen.findByText('预约人：张桂芳');
    const first = screen.getAllByTestId('booking')[0];
    expect(first.textContent).toContain('12月9日 周三 14:00–16:00');
    expect(first.textContent).toContain('合唱队排练');
    expect(first.textContent).toContain('12人');

    fireEvent.click(within(first).getByTestId('reject'));
    fireEvent.click(within(first).getByTestId('reject-confirm'));
    expect(within(first).getByRole('alert').textContent).toBe('请填写不通过的理由');
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(within(first).getByRole('textbox'), { target: { value: '当天有社区活动' } });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(first).getByTestId('reject-confirm'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不通过这个预约？', content: expect.stringContaining('张桂芳') })));
    expect(cloud.actions()).not.toContain('room.review');

    fireEvent.click(within(first).getByTestId('reject-confirm'));
    await waitFor(() => expect(cloud.calls.find((c) => c.action === 'review')?.data).toEqual({ id: 'b_1', approve: false, reason: '当天有社区活动' }));
    await waitFor(() => expect(screen.getAllByTestId('booking')).toHaveLength(1));

    fireEvent.click(within(screen.getByTestId('booking')).getByTestId('approve'));
    await waitFor(() => expect(cloud.calls.filter((c) => c.action === 'review').at(-1)?.data).toEqual({ id: 'b_2', approve: true }));
    await screen.findByText('没有待审核的预约');
  });
});

describe('代办', () => {
  const slot = (start: string, end: string, state: GridSlot['state'] = 'free', label: string | null = null): GridSlot => ({ start, end, state, label, mine: false, bookingId: null });
  const slots = [slot('09:00', '09:30'), slot('09:30', '10:00'), slot('10:00', '10:30', 'taken', '已预约'), slot('10:30', '11:00'), slot('11:00', '11:30'), slot('11:30', '12:00'), slot('12:00', '12:30')];

  test('staff find the resident by building, pick free slots, and the booking is sent in the resident\'s name', async () => {
    const resident: MemberView = { userId: 'u_zhang', nickname: '张阿姨', name: '张桂芳', building: '1号楼', unit: '1单元', room: '102', roles: [] };
    const cloud = fakeCloud({
      'user.me': () => staff,
      'user.listMembers': () => ({ items: [resident], nextCursor: null }),
      'room.rooms': () => [room],
      'room.grid': (data) => ({ communityId: 'c_xingfuli', from: data.from, days: 1, rooms: [{ room, slotMinutes: 30, maxMinutes: 120, days: [{ date: data.from, weekday: 2, hours: room.hours[2], slots }] }] }),
      'room.proxyBook': (data) => ({ ...pending, ...data, status: 'confirmed', kind: 'proxy' }),
    });
    render(<ProxyBookPage />);
    fireEvent.change(within(field('building')).getByRole('textbox'), { target: { value: '1号楼' } });
    fireEvent.click(screen.getByText('查找'));
    await waitFor(() => expect(cloud.calls.filter((c) => c.action === 'listMembers').at(-1)?.data).toMatchObject({ building: '1号楼' }));
    fireEvent.click(await screen.findByTestId('choose-resident'));

    fireEvent.click(await screen.findByText('二楼活动室（30人）'));
    const grid = await screen.findByTestId('day-grid');
    const slotAt = (start: string) => grid.querySelector(`[data-testid="slot"][data-start="${start}"]`) as HTMLElement;
    expect(slotAt('10:00').textContent).toContain('已预约');
    // Nothing chosen yet: the booking is not sent, and the page says what to do.
    fireEvent.click(screen.getByTestId('proxy-book'));
    await waitFor(() => expect(within(field('start')).getByRole('alert').textContent).toBe('请在上面点选开始和结束的时段'));
    expect(cloud.actions()).not.toContain('room.proxyBook');
    fireEvent.click(slotAt('10:30'));
    fireEvent.click(slotAt('11:00'));
    expect(screen.getByTestId('proxy-chosen').textContent).toBe('已选：10:30–11:30');
    fireEvent.change(within(field('purpose')).getByRole('textbox'), { target: { value: '老年合唱队排练' } });
    fireEvent.change(field('attendees').querySelector('input') as HTMLInputElement, { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('proxy-book'));
    await waitFor(() => expect(cloud.actions()).toContain('room.proxyBook'));
    expect(cloud.calls.find((c) => c.action === 'proxyBook')?.data).toMatchObject({ residentId: 'u_zhang', roomId: 'r_1', start: '10:30', end: '11:30', purpose: '老年合唱队排练', attendees: 8 });
  });
});
