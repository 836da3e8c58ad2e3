import { foldEntries, type Folded } from '@shared/dashboard/rollup';
import { uniquePeriodsOf } from '@shared/dashboard/periods';
import type { ParticipationKind } from '@shared/dashboard/kinds';
import { SEALING_WINDOW_MS, type AuditDoc } from '../core/audit';
import type { Job } from '../core/jobs';
import { inc, type Patch, type Store, type TxStore } from '../core/store/port';
import { CURSOR_ID, markId, monthDocId, uniquesDocId, type CursorDoc, type MarkDoc, type MonthDoc, type UniquesDoc } from './records';
import { foldRules } from './registry';

/** Entries folded in one transaction: every rollup they touch and the cursor move together or not at all. */
export const FOLD_BATCH = 50;

/** Another run moved the cursor first: this one stops, and nothing it read is folded twice. */
class FoldOvertaken extends Error {}

/**
 * Folds the audit log into the dashboard's rollups, oldest entry first, from where the last run stopped. Only
 * entries older than the sealing window are read: a request's transaction commits within the function's time
 * limit, so by then no entry can still appear behind the cursor (the same reasoning as the sealer's).
 */
export const foldAuditJob: Job = {
  name: 'dashboard.fold',
  batch: 200,
  run: async (ctx, batch) => {
    let done = 0;
    while (done < batch) {
      const folded = await foldOnce(ctx.store, ctx.now, Math.min(FOLD_BATCH, batch - done));
      done += folded;
      if (folded < FOLD_BATCH) return { done, more: false };
    }
    return { done, more: true };
  },
};

/** The smallest id an entry made at `at` can have: ids begin with the time, padded. */
const idBefore = (at: number) => `a_${String(at).padStart(13, '0')}`;

/** Folds up to `limit` entries; returns how many. */
export async function foldOnce(store: Store, now: number, limit: number): Promise<number> {
  const cursor = await store.get<CursorDoc>('statCursor', CURSOR_ID);
  const lastId = cursor?.lastId ?? '';
  const upTo = now - SEALING_WINDOW_MS;
  const { items } = await store.query<AuditDoc>('audit', { where: { _id: { gt: lastId, lt: idBefore(upTo) } }, orderBy: [['_id', 'asc']], limit });
  const folded = foldEntries(items, foldRules());
  // When the log is read to its end, everything up to `upTo` is in; otherwise up to the last entry read.
  const next: CursorDoc = { _id: CURSOR_ID, lastId: items.at(-1)?._id ?? lastId, upTo: items.length < limit ? upTo : items.at(-1)!.at };
  try {
    await store.transaction(async (tx) => {
      const current = await tx.get<CursorDoc>('statCursor', CURSOR_ID);
      if ((current?.lastId ?? '') !== lastId) throw new FoldOvertaken();
      await applyFold(tx, folded);
      if (current) await tx.update('statCursor', CURSOR_ID, { lastId: next.lastId, upTo: next.upTo });
      else await tx.create('statCursor', next);
    });
  } catch (error) {
    if (error instanceof FoldOvertaken) return 0;
    throw error;
  }
  return items.length;
}

async function applyFold(tx: TxStore, folded: Folded): Promise<void> {
  for (const { communityId, month, rollup } of folded.months.values()) {
    const id = monthDocId(communityId, month);
    if (await tx.get('statMonths', id)) {
      const patch: Patch = {};
      for (const [k, v] of Object.entries(rollup.sums)) patch[`sums.${k}`] = inc(v);
      for (const [k, dist] of Object.entries(rollup.dists)) for (const [b, n] of Object.entries(dist)) patch[`dists.${k}.${b}`] = inc(n);
      await tx.update('statMonths', id, patch);
    } else {
      await tx.create<MonthDoc>('statMonths', { _id: id, communityId, month, ...rollup, samples: {}, sampledAt: null });
    }
  }
  await applyUniques(tx, folded);
}

/**
 * Each participant is marked once per community and kept period (month, quarter, year), with the kinds they took
 * part in; a first mark, or a kind new to it, raises that period's unique counts.
 */
async function applyUniques(tx: TxStore, folded: Folded): Promise<void> {
  const marks = new Map<string, { kinds: Set<ParticipationKind>; stored: boolean; changed: boolean } | null>();
  const raised = new Map<string, { communityId: string; period: string; counts: Record<string, number> }>();
  for (const p of folded.participants.values()) {
    for (const period of uniquePeriodsOf(p.month)) {
      const id = markId(p.communityId, period, p.userId);
      if (!marks.has(id)) {
        const doc = await tx.get<MarkDoc>('statMarks', id);
        marks.set(id, doc ? { kinds: new Set(doc.kinds), stored: true, changed: false } : null);
      }
      const mark = marks.get(id) ?? { kinds: new Set<ParticipationKind>(), stored: false, changed: false };
      const fresh = [...p.kinds].filter((k) => !mark.kinds.has(k));
      const first = mark.kinds.size === 0;
      if (!fresh.length) continue;
      for (const k of fresh) mark.kinds.add(k);
      mark.changed = true;
      marks.set(id, mark);
      const key = uniquesDocId(p.communityId, period);
      const r = raised.get(key) ?? { communityId: p.communityId, period, counts: {} };
      for (const k of [...fresh, ...(first ? ['all'] : [])]) r.counts[k] = (r.counts[k] ?? 0) + 1;
      raised.set(key, r);
    }
  }
  for (const [id, mark] of marks) {
    if (!mark?.changed) continue;
    if (mark.stored) await tx.update('statMarks', id, { kinds: [...mark.kinds] });
    else await tx.create<MarkDoc>('statMarks', { _id: id, kinds: [...mark.kinds] });
  }
  for (const [id, r] of raised) {
    if (await tx.get('statUniques', id)) {
      await tx.update('statUniques', id, Object.fromEntries(Object.entries(r.counts).map(([k, n]) => [`counts.${k}`, inc(n)])));
    } else {
      await tx.create<UniquesDoc>('statUniques', { _id: id, communityId: r.communityId, period: r.period, counts: r.counts });
    }
  }
}
