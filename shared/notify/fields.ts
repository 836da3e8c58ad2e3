import type { FieldValue } from '../events';
import { formatShanghai } from '../time';

/**
 * WeChat subscription-message fields, by the kind their key names (`thing1`, `time3`, `phrase2`). WeChat refuses a
 * whole message (47003) when one field breaks its kind's rule, so every value is cut to fit before it is queued.
 */
export type FieldKind = 'thing' | 'phrase' | 'name' | 'number' | 'character_string' | 'date' | 'time';

const KINDS: readonly FieldKind[] = ['thing', 'phrase', 'name', 'number', 'character_string', 'date', 'time'];

const THING_MAX = 20;
const PHRASE_MAX = 5;
const NAME_HAN_MAX = 10;
const NAME_LATIN_MAX = 20;
const STRING_MAX = 32;

const HAN = /[\u3400-\u9fff]/u;

/** `thing1` → `thing`, `character_string2` → `character_string`; null for a kind this project does not use. */
export function fieldKind(key: string): FieldKind | null {
  const kind = key.replace(/\d+$/, '');
  return (KINDS as readonly string[]).includes(kind) ? (kind as FieldKind) : null;
}

/** Characters, not UTF-16 units: an emoji counts once and is never split. */
function chars(text: string): string[] {
  return Array.from(text);
}

/** Up to `max` characters; a cut one ends in "…" so the reader sees there was more. */
function shorten(text: string, max: number): string {
  const all = chars(text);
  return all.length <= max ? text : `${all.slice(0, max - 1).join('')}…`;
}

/** One line, no surrounding spaces; WeChat shows fields on a single line. */
function oneLine(value: FieldValue): string {
  return String(value).replace(/\s+/g, ' ').trim();
}

/** `thing`: up to 20 characters of anything. Empty is refused by WeChat, so it becomes 无. */
export function cutThing(value: FieldValue): string {
  return shorten(oneLine(value), THING_MAX) || '无';
}

/** `phrase`: up to 5 汉字 and nothing else. */
export function cutPhrase(value: FieldValue): string {
  return chars(oneLine(value)).filter((c) => HAN.test(c)).slice(0, PHRASE_MAX).join('') || '无';
}

/** `name`: up to 10 汉字, or up to 20 letters for a name without any. */
export function cutName(value: FieldValue): string {
  const text = oneLine(value);
  return chars(text).slice(0, HAN.test(text) ? NAME_HAN_MAX : NAME_LATIN_MAX).join('') || '无';
}

/** `number`: digits with an optional decimal point, up to 32. */
export function cutNumber(value: FieldValue): string {
  const text = typeof value === 'number' ? String(Math.abs(value)) : value.replace(/[^0-9.]/g, '');
  return text.slice(0, STRING_MAX) || '0';
}

/** `character_string`: up to 32 digits, letters or symbols, no 汉字. */
export function cutCharacterString(value: FieldValue): string {
  return oneLine(value).replace(/[^\x21-\x7e]/g, '').slice(0, STRING_MAX) || '-';
}

/** `date` and `time`: a timestamp as WeChat's example writes it, `2026年5月1日 09:30`, in Shanghai time. */
export function cutDateTime(value: FieldValue): string {
  if (typeof value === 'number') return formatShanghai(value, 'YYYY年M月D日 HH:mm');
  return shorten(oneLine(value), THING_MAX);
}

const CUTTERS: Record<FieldKind, (value: FieldValue) => string> = {
  thing: cutThing,
  phrase: cutPhrase,
  name: cutName,
  number: cutNumber,
  character_string: cutCharacterString,
  date: cutDateTime,
  time: cutDateTime,
};

/** The `data` of `subscribeMessage.send`: every field cut by its kind. A key of unknown kind is a declaration bug. */
export function templateData(fields: Record<string, FieldValue>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, value] of Object.entries(fields)) {
    const kind = fieldKind(key);
    if (!kind) throw new Error(`unknown subscription field kind: ${key}`);
    data[key] = { value: CUTTERS[kind](value) };
  }
  return data;
}
