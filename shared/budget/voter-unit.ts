/**
 * Who casts a ballot, per round: each verified resident, or each household (一户一票), a household being everyone
 * verified at the same community, building and unit. A round records a has-voted marker per voter unit, under an id
 * made from the unit, in the same transaction as the ballot: a second ballot from the unit clashes on that id.
 */
import { householdKey, type Address } from '../user/household';

export type VoterUnit = 'resident' | 'household';

export const VOTER_UNIT_LABELS: Record<VoterUnit, string> = { resident: '一人一票', household: '一户一票' };

/** Building and unit as residents type them: the same address however it was spaced, cased or typed in full width. */
export function normalizeAddress(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The key of a voter unit in a round: the resident's id, or a digest of the household's address, read as the user
 * module reads a flat (`householdKey`: 2单元301 and 2单元 + 301 are one household). The digest keeps the address
 * out of document ids; two addresses colliding in 64 bits is not a practical concern.
 */
export function voterUnitKey(unit: VoterUnit, who: Address & { userId: string | null }): string {
  if (unit === 'resident') {
    if (!who.userId) throw new Error('a resident voter unit needs the resident');
    return `r-${who.userId}`;
  }
  return `h-${digest64(householdKey(who))}`;
}

/** A paper voter with no account, in a resident round: known by address and name. */
export function paperVoterKey(who: Address & { name: string }): string {
  return `p-${digest64(`${householdKey(who)}|${normalizeAddress(who.name)}`)}`;
}

/** FNV-1a over UTF-16 code units in two 32-bit lanes with different offsets: 16 hex digits. No crypto: it runs in the app too. */
function digest64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Why the caller's household cannot vote: a household round needs the building and unit recorded at verification. */
export function householdProblem(who: { building: string; unit: string }): string | null {
  return normalizeAddress(who.building) && normalizeAddress(who.unit) ? null : '一户一票需要登记楼栋和单元，请联系社区工作者补充后再投票';
}
