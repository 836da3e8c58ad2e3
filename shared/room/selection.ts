import { durationWords } from './rules';

/**
 * Choosing a range on a room's day grid by tapping: the first free slot tapped is the start, a later free slot
 * the end (both included). The grid lets a person choose only what the booking rules could accept: contiguous
 * free slots, no longer than the room's longest booking. The server checks again.
 */

export interface SlotLike {
  start: string;
  end: string;
  state: 'free' | 'taken' | 'closed';
}

/** Indexes into the day's slots, `from` ≤ `to`, both included. */
export interface Selection {
  from: number;
  to: number;
}

export interface TapResult {
  selection: Selection | null;
  /** Why the tap started afresh instead of stretching the range, in words; null when it did what was asked. */
  note: string | null;
}

/**
 * What a tap on slot `index` makes of the current selection. A tap on a taken or closed slot changes nothing
 * (the page says why it is taken instead).
 */
export function tapSlot(slots: readonly SlotLike[], current: Selection | null, index: number, slotMinutes: number, maxMinutes: number): TapResult {
  const slot = slots[index];
  if (!slot || slot.state !== 'free') return { selection: current, note: null };
  const single = { from: index, to: index };
  if (!current) return { selection: single, note: null };
  if (current.from === index && current.to === index) return { selection: null, note: null };
  // A range already chosen, or a tap before the start: start again from here.
  if (current.from !== current.to || index < current.from) return { selection: single, note: null };
  const stretched = { from: current.from, to: index };
  if (!slots.slice(stretched.from, stretched.to + 1).every((s) => s.state === 'free')) {
    return { selection: single, note: '中间有已被预约或不开放的时段，已从这里重新选起' };
  }
  if ((stretched.to - stretched.from + 1) * slotMinutes > maxMinutes) {
    return { selection: single, note: `每次最长预约${durationWords(maxMinutes)}，已从这里重新选起` };
  }
  return { selection: stretched, note: null };
}

/** The start and end times of a selection. */
export function rangeOf(slots: readonly SlotLike[], selection: Selection): { start: string; end: string } {
  return { start: slots[selection.from].start, end: slots[selection.to].end };
}

/** Whether slot `index` is inside the selection. */
export function isSelected(selection: Selection | null, index: number): boolean {
  return !!selection && index >= selection.from && index <= selection.to;
}
