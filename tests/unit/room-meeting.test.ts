import { meetingLengths, nearestLength } from '@shared/room/meeting';

describe('a meeting\'s length in a room', () => {
  test('runs on the room\'s slots, from half an hour, up to its longest booking', () => {
    expect(meetingLengths({ slotMinutes: 30, maxMinutes: 180 })).toEqual([30, 60, 90, 120, 150, 180]);
    expect(meetingLengths({ slotMinutes: 60, maxMinutes: 180 })).toEqual([60, 120, 180]);
  });

  test('a room of quarter hours offers half hours: the plan holds no meeting shorter than 30 minutes', () => {
    expect(meetingLengths({ slotMinutes: 15, maxMinutes: 120 })).toEqual([30, 60, 90, 120]);
  });

  test('never beyond the plan\'s eight hours, and a room whose longest booking is under one slot still offers one', () => {
    expect(meetingLengths({ slotMinutes: 60, maxMinutes: 24 * 60 }).at(-1)).toBe(480);
    expect(meetingLengths({ slotMinutes: 60, maxMinutes: 30 })).toEqual([60]);
  });

  test('a new room keeps the length nearest to the one chosen, the shorter on a tie', () => {
    expect(nearestLength([60, 120, 180], 150)).toBe(120);
    expect(nearestLength([60, 120, 180], 240)).toBe(180);
    expect(nearestLength([30, 60, 90], 90)).toBe(90);
  });
});
