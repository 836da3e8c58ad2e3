import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ConsultationView, RoomView } from '@shared/contract';
import { setSession } from '../../miniprogram/src/services/session';
import { PlanStep } from '../../miniprogram/src/packages/consultation/components/host/PlanStep';
import { useAction } from '../../miniprogram/src/hooks/useAction';
import { fakeCloud } from './support/fakeCloud';

/** A consultation just come to step 3: no plan yet. */
const view = { id: 'cs_1', communityId: 'c_xingfuli', step: 3, state: 'active', missing: ['制定协商方案'], plan: null } as unknown as ConsultationView;

const room = (id: string, name: string, slotMinutes: number, maxMinutes: number) =>
  ({ id, communityId: 'c_xingfuli', name, kind: '议事厅', capacity: 40, slotMinutes, maxMinutes, hours: [], photos: [], facilities: [], inUse: true }) as unknown as RoomView;
const ROOMS = [room('r_hall', '居民议事厅', 30, 180), room('r_meet', '二楼会议室', 60, 180)];

function Form({ apply = () => undefined }: { apply?: (v: ConsultationView) => void }) {
  const act = useAction();
  return <PlanStep view={view} act={act} apply={apply} refresh={async () => undefined} onDraft={() => undefined} />;
}

const place = () => document.querySelector('[data-field="place"] input') as HTMLInputElement;
const chosen = (field: string) => document.querySelector(`[data-field="${field}"] .gz-choice--on`)?.textContent;
const lengths = () => Array.from(document.querySelectorAll('[data-field="meetingMinutes"] .gz-choice')).map((el) => el.textContent);

beforeEach(() => setSession({ token: 't', openid: 'demo-host' }));

test('choosing a room names the place after it and offers the lengths on its slots; typing another place holds no room', async () => {
  fakeCloud({ 'user.listCommunities': () => [], 'room.rooms': () => ROOMS });
  render(<Form />);
  fireEvent.click(await screen.findByText('居民议事厅（40人）'));
  expect(place().value).toBe('居民议事厅');
  expect(lengths()).toEqual(['30分钟', '1小时', '1小时30分钟', '2小时', '2小时30分钟', '3小时']);
  expect(chosen('meetingMinutes')).toBe('2小时');
  fireEvent.click(screen.getByText('1小时30分钟'));

  // An hour-slot room keeps the nearest length it has.
  fireEvent.click(screen.getByText('二楼会议室（40人）'));
  expect(place().value).toBe('二楼会议室');
  expect(lengths()).toEqual(['1小时', '2小时', '3小时']);
  expect(chosen('meetingMinutes')).toBe('1小时');
  expect(screen.getByText('看看空闲时段（二楼会议室）')).toBeTruthy();

  fireEvent.change(place(), { target: { value: '3号楼下空地' } });
  expect(chosen('roomId')).toBe('不用活动室（室外或其他地点）');
  expect(document.querySelector('[data-field="meetingMinutes"]')).toBeNull();
});

test('the plan is sent with the room and its length; a taken range is shown under the meeting time', async () => {
  const sent: Record<string, unknown>[] = [];
  const message = '这个时段活动室已被预约，请换个时间或换个活动室';
  fakeCloud({
    'user.listCommunities': () => [],
    'room.rooms': () => ROOMS,
    'consultation.savePlan': (data) => {
      sent.push(data.plan as Record<string, unknown>);
      return { ok: false, error: { code: 'SLOT_TAKEN', message, fields: { meetingAt: message } } };
    },
  });
  render(<Form />);
  fireEvent.click(await screen.findByText('居民议事厅（40人）'));
  fireEvent.click(screen.getByText('1小时'));
  fireEvent.click(screen.getByTestId('save-plan'));
  await waitFor(() => expect(document.querySelector('[data-field="meetingAt"] .gz-field__error')?.textContent).toBe(message));
  expect(sent[0]).toMatchObject({ roomId: 'r_hall', meetingMinutes: 60, place: '居民议事厅' });
  expect(document.querySelector('[data-field="meetingAt"]')?.className).toContain('gz-field--invalid');
});

test('a plan without a room sends none, and no length', async () => {
  const sent: Record<string, unknown>[] = [];
  fakeCloud({ 'user.listCommunities': () => [], 'room.rooms': () => ROOMS, 'consultation.savePlan': (data) => (sent.push(data.plan as Record<string, unknown>), { ok: false, error: { code: 'VALIDATION', message: '停' } }) });
  render(<Form />);
  await screen.findByText('居民议事厅（40人）');
  fireEvent.change(place(), { target: { value: '3号楼下空地' } });
  fireEvent.click(screen.getByTestId('save-plan'));
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0].roomId).toBeNull();
  expect('meetingMinutes' in sent[0]).toBe(false);
});
