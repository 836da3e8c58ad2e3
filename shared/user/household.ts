/**
 * One household, however its address was typed. Residents write the same flat as 3号楼 / 3栋 / ３# and
 * 2单元301 / 2-301: staff need to see that an applicant's flat already has a verified resident, and to find
 * residents by building and unit. The stored key keeps the parts apart, so a building or a building and unit
 * is a prefix of it, and pads numbers so that 10号楼 sorts after 2号楼.
 */

const SEPARATOR = '|';

/** Words people add after the number that say nothing about which place it is. */
const BUILDING_WORDS = /(号楼|号|栋|幢|座|楼|#)$/u;
const UNIT_WORDS = /(单元|门|号)$/u;
const ROOM_WORDS = /(室|房|号|户)$/u;

function part(value: string, words: RegExp): string {
  let s = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s|]+/gu, '');
  // Strip the words a few times: 3号楼# is still building 3.
  for (let i = 0; i < 3 && words.test(s); i++) s = s.replace(words, '');
  // Numbers padded, so keys sort as people count: 2 before 10.
  return s.replace(/\d+/gu, (n) => n.replace(/^0+(?=\d)/u, '').padStart(4, '0'));
}

export interface Address {
  building: string;
  unit: string;
  room?: string | null;
}

/**
 * The household key. An address typed the old way, unit and room together (2单元301), keeps them in one part;
 * typed apart (2单元 / 301) it has three. Both are compared as typed apart when the unit ends in a room number
 * after 单元 or a dash, so 2单元301 and 2单元 + 301 are one household.
 */
export function householdKey(address: Address): string {
  let unit = address.unit;
  let room = address.room ?? '';
  if (!room.trim()) {
    const joined = /^(.*?(?:单元|-|－|—))\s*(\d+[a-zA-Z]?)\s*(?:室|号)?$/u.exec(unit.normalize('NFKC').trim());
    if (joined) {
      unit = joined[1].replace(/[-－—]$/u, '');
      room = joined[2];
    }
  }
  return [part(address.building, BUILDING_WORDS), part(unit, UNIT_WORDS), part(room, ROOM_WORDS)].join(SEPARATOR);
}

/**
 * The key prefix that finds a building, or a unit in it: every household key starting with it is there.
 * Null when nothing is asked.
 */
export function householdPrefix(search: { building?: string; unit?: string }): string | null {
  const building = search.building?.trim() ?? '';
  if (!building) return null;
  const unit = search.unit?.trim() ?? '';
  return unit ? `${part(building, BUILDING_WORDS)}${SEPARATOR}${part(unit, UNIT_WORDS)}${SEPARATOR}` : `${part(building, BUILDING_WORDS)}${SEPARATOR}`;
}

/** The address as one line, as staff read it: 3号楼 2单元 301. */
export function addressLine(address: Address): string {
  return [address.building, address.unit, address.room ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
}
