import { randomInt } from 'node:crypto';
import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import type { TxStore } from '../core/store/port';
import { getCommunity } from '../user/records';
import type { BlackoutDoc, BookingDoc, RoomBlackout, RoomDoc } from './records';
import { blackoutView, bookingView, isStaffOf, roomView } from './views';

type C = typeof roomContract;

/** A door code people can type: four digits, and never the one the room had. */
function newCheckInCode(previous?: string): string {
  let code: string;
  do code = String(randomInt(0, 10_000)).padStart(4, '0');
  while (code === previous);
  return code;
}

export const rooms: Handler<C['rooms']> = async (input, ctx) => {
  const staff = isStaffOf(ctx, input.communityId);
  const found = await roomsOf(ctx, input.communityId);
  return found.filter((r) => r.inUse || (staff && input.includeOutOfUse)).map((r) => roomView(ctx, r));
};

/** A community has a handful of rooms: one page holds them all. */
export async function roomsOf(ctx: HandlerContext, communityId: string): Promise<RoomDoc[]> {
  return (await ctx.store.query<RoomDoc>('rooms', { where: { communityId }, orderBy: [['createdAt', 'asc']], limit: 100 })).items;
}

export const room: Handler<C['room']> = async (_input, ctx) => {
  if (!ctx.target.inUse && !isStaffOf(ctx, ctx.target.communityId)) throw new AppError('NOT_FOUND', '活动室暂停使用');
  return roomView(ctx, ctx.target);
};

export const createRoom: Handler<C['createRoom']> = async (input, ctx) => {
  await getCommunity(ctx.store, input.communityId);
  const { communityId, ...fields } = input;
  // Blackouts for all rooms that have not ended cover the new room too.
  const shared = (await openBlackouts(ctx, communityId)).filter((b) => b.roomId === null).map(copyOf);
  const doc: RoomDoc = { _id: newId('r'), communityId, ...fields, checkInCode: newCheckInCode(), inUse: true, blackouts: shared, createdAt: ctx.now, updatedAt: ctx.now };
  await ctx.store.transaction(async (tx) => {
    await tx.create('rooms', doc);
    await ctx.audit(tx, { communityId, action: 'room.createRoom', targetType: 'room', targetId: doc._id, before: null, after: { name: doc.name, capacity: doc.capacity, needsApproval: doc.needsApproval } });
  });
  return roomView(ctx, doc);
};

/** Only what was sent changes. Bookings already made keep their times: they hold 15-minute units, which never move. */
export const updateRoom: Handler<C['updateRoom']> = async (input, ctx) => {
  const { roomId: _roomId, ...fields } = input;
  const room = ctx.target;
  if (!Object.keys(fields).length) return roomView(ctx, room);
  const slotMinutes = fields.slotMinutes ?? room.slotMinutes;
  const maxMinutes = fields.maxMinutes ?? room.maxMinutes;
  if (maxMinutes % slotMinutes !== 0) throw new AppError('VALIDATION', '最长预约时长须是时段长度的整数倍', { maxMinutes: '最长预约时长须是时段长度的整数倍' });
  const next = await change(ctx, {
    collection: 'rooms',
    doc: room,
    guard: { updatedAt: room.updatedAt },
    patch: { ...fields, updatedAt: ctx.now },
    audit: { action: 'room.updateRoom', targetType: 'room', communityId: room.communityId },
    refused: (now) => (now ? new AppError('CONFLICT', '活动室刚被其他人修改，请刷新后再改') : new AppError('NOT_FOUND', '活动室不存在')),
  });
  return roomView(ctx, next);
};

export const resetCheckInCode: Handler<C['resetCheckInCode']> = async (_input, ctx) => {
  const room = ctx.target;
  const next = await change(ctx, {
    collection: 'rooms',
    doc: room,
    guard: { checkInCode: room.checkInCode },
    patch: { checkInCode: newCheckInCode(room.checkInCode), updatedAt: ctx.now },
    // The code itself stays out of the log: it opens the door's check-in.
    audit: { action: 'room.resetCheckInCode', targetType: 'room', communityId: room.communityId, before: null, after: null },
    refused: () => new AppError('CONFLICT', '签到码刚被其他人更换，请刷新查看'),
  });
  return roomView(ctx, next);
};

/** Blackouts that have not ended, by when they start. */
async function openBlackouts(ctx: HandlerContext, communityId: string): Promise<BlackoutDoc[]> {
  const found = await ctx.store.query<BlackoutDoc>('roomBlackouts', { where: { communityId, to: { gt: ctx.now } }, orderBy: [['to', 'asc']], limit: 100 });
  return found.items.sort((a, b) => a.from - b.from);
}

function copyOf(b: BlackoutDoc): RoomBlackout {
  return { id: b._id, roomId: b.roomId, kind: b.kind, reason: b.reason, from: b.from, to: b.to };
}

export const blackouts: Handler<C['blackouts']> = async (input, ctx) => {
  const open = await openBlackouts(ctx, input.communityId);
  return open.filter((b) => !input.roomId || b.roomId === null || b.roomId === input.roomId).map(blackoutView);
};

/**
 * The record, and a copy on every room it covers, in one transaction: a booking checks the room it reads anyway.
 * Bookings already standing in the period are not cancelled; they are listed for staff to settle one by one.
 */
export const addBlackout: Handler<C['addBlackout']> = async (input, ctx) => {
  const all = await roomsOf(ctx, input.communityId);
  const covered = input.roomId === null ? all : all.filter((r) => r._id === input.roomId);
  if (input.roomId !== null && !covered.length) throw new AppError('NOT_FOUND', '活动室不存在');
  const doc: BlackoutDoc = {
    _id: newId('bo'),
    communityId: input.communityId,
    roomId: input.roomId,
    roomName: input.roomId === null ? null : covered[0].name,
    kind: input.kind,
    reason: input.reason,
    from: input.from,
    to: input.to,
    createdBy: ctx.caller.user!._id,
    createdAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('roomBlackouts', doc);
    for (const room of covered) await setRoomBlackouts(tx, room, [...room.blackouts.filter((b) => b.to > ctx.now), copyOf(doc)], ctx.now);
    await ctx.audit(tx, { communityId: doc.communityId, action: 'room.addBlackout', targetType: 'roomBlackout', targetId: doc._id, note: doc.reason, before: null, after: { roomId: doc.roomId, kind: doc.kind, from: doc.from, to: doc.to } });
  });
  const clashes = await bookingsDuring(ctx, covered, doc.from, doc.to);
  return { ...blackoutView(doc), clashes: clashes.map((b) => bookingView(ctx, b)) };
};

export const removeBlackout: Handler<C['removeBlackout']> = async (input, ctx) => {
  const doc = ctx.target;
  const all = await roomsOf(ctx, doc.communityId);
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.remove('roomBlackouts', doc._id))) throw new AppError('NOT_FOUND', '停用时段已取消');
    for (const room of all.filter((r) => r.blackouts.some((b) => b.id === doc._id))) {
      await setRoomBlackouts(tx, room, room.blackouts.filter((b) => b.id !== doc._id), ctx.now);
    }
    await ctx.audit(tx, { communityId: doc.communityId, action: 'room.removeBlackout', targetType: 'roomBlackout', targetId: doc._id, before: { kind: doc.kind, from: doc.from, to: doc.to }, after: null });
  });
  return { id: input.id };
};

async function setRoomBlackouts(tx: TxStore, room: RoomDoc, list: RoomBlackout[], now: number): Promise<void> {
  // Guarded on the room as read, so two blackouts added at once never drop each other's copy.
  if (!(await tx.update('rooms', room._id, { blackouts: list, updatedAt: now }, { if: { updatedAt: room.updatedAt } }))) {
    throw new AppError('CONFLICT', '活动室刚被其他人修改，请再试一次');
  }
}

/** Live bookings of these rooms overlapping a period: what a new blackout leaves for staff to settle. */
async function bookingsDuring(ctx: HandlerContext, covered: RoomDoc[], from: number, to: number): Promise<BookingDoc[]> {
  const found: BookingDoc[] = [];
  for (const room of covered) {
    const page = await ctx.store.query<BookingDoc>('bookings', {
      where: { roomId: room._id, status: { in: ['offered', 'pending', 'confirmed'] }, startAt: { lt: to } },
      orderBy: [['startAt', 'asc']],
      limit: 100,
    });
    found.push(...page.items.filter((b) => b.endAt > from));
  }
  return found;
}
