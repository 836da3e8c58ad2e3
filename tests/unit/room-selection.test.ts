import { isSelected, rangeOf, tapSlot, type SlotLike } from '@shared/room/selection';

/** 09:00–12:00 in half hours, with 10:30–11:00 taken. */
const day: SlotLike[] = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((start, i, all) => ({
  start,
  end: all[i + 1] ?? '12:00',
  state: start === '10:30' ? 'taken' : 'free',
}));

describe('choosing a range on the day grid', () => {
  test('the first tap chooses one slot, a later free slot stretches the range to it', () => {
    const first = tapSlot(day, null, 0, 30, 120);
    expect(first).toEqual({ selection: { from: 0, to: 0 }, note: null });
    const second = tapSlot(day, first.selection, 2, 30, 120);
    expect(second).toEqual({ selection: { from: 0, to: 2 }, note: null });
    expect(rangeOf(day, second.selection!)).toEqual({ start: '09:00', end: '10:30' });
    expect([0, 1, 2, 3].map((i) => isSelected(second.selection, i))).toEqual([true, true, true, false]);
  });

  test('tapping the one chosen slot again clears it', () => {
    expect(tapSlot(day, { from: 1, to: 1 }, 1, 30, 120).selection).toBeNull();
  });

  test('a range over a taken slot is not made: the tap starts afresh and says why', () => {
    const result = tapSlot(day, { from: 2, to: 2 }, 4, 30, 120);
    expect(result.selection).toEqual({ from: 4, to: 4 });
    expect(result.note).toContain('已被预约');
  });

  test('a range longer than the longest booking is not made: the note names the limit', () => {
    const result = tapSlot(day, { from: 0, to: 0 }, 2, 30, 60);
    expect(result.selection).toEqual({ from: 2, to: 2 });
    expect(result.note).toContain('每次最长预约1小时');
  });

  test('a tap before the start, or after a range is made, starts again there', () => {
    expect(tapSlot(day, { from: 2, to: 2 }, 0, 30, 120).selection).toEqual({ from: 0, to: 0 });
    expect(tapSlot(day, { from: 0, to: 1 }, 2, 30, 120).selection).toEqual({ from: 2, to: 2 });
  });

  test('a taken or closed slot changes nothing', () => {
    expect(tapSlot(day, { from: 0, to: 1 }, 3, 30, 120)).toEqual({ selection: { from: 0, to: 1 }, note: null });
    expect(tapSlot(day, null, 3, 30, 120).selection).toBeNull();
  });
});
