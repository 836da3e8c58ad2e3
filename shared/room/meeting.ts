// What a consultation's meeting may ask of a room: how long, on the room's own steps. The host's plan form offers
// these lengths and the server holds the room for the one chosen, so both read them from here.

/** The room is held for two hours unless the plan says how long. */
export const DEFAULT_MEETING_MINUTES = 120;

/** The plan's own bounds on a meeting's length (`planInput.meetingMinutes`). */
const SHORTEST = 30;
const LONGEST = 480;

/** The lengths a meeting in this room can take: whole slots, at least half an hour, within its longest booking. */
export function meetingLengths(room: { slotMinutes: number; maxMinutes: number }): number[] {
  const step = Math.max(room.slotMinutes, SHORTEST);
  const longest = Math.min(room.maxMinutes, LONGEST);
  const lengths: number[] = [];
  for (let m = step; m <= longest; m += step) lengths.push(m);
  return lengths.length ? lengths : [step];
}

/** The offered length nearest to `minutes`, preferring the shorter on a tie: what the form keeps when the room changes. */
export function nearestLength(lengths: number[], minutes: number): number {
  return lengths.reduce((best, m) => (Math.abs(m - minutes) < Math.abs(best - minutes) ? m : best), lengths[0]);
}
