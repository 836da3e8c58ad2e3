import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { bookingCancelledByStaff } from '@shared/room/notifications';
import { cancelProblem } from '@shared/room/rules';
import { roomSettingsOf } from '@shared/room/settings';
import type { Handler } from '../core/router';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import { refuse } from './booking';
import { endBooking } from './ending';
import { bookingView, isStaffOf } from './views';

type C = typeof roomContract;

/**
 * The booker cancels before the cut-off; staff cancel at any time and say why (the booker is told). A consultation's
 * meeting room moves and goes with the consultation, never by hand. The freed range goes to the waitlist.
 */
export const cancel: Handler<C['cancel']> = async (input, ctx) => {
  const b = ctx.target;
  if (b.kind === 'consultation') throw new AppError('INVALID_STATE', '议事会议的场地随议事改期或取消，请在议事里操作');
  if (b.status === 'offered') throw new AppError('INVALID_STATE', '候补保留的时段请选择“放弃”');
  if (b.status !== 'pending' && b.status !== 'confirmed') throw new AppError('INVALID_STATE', '该预约已不能取消');
  const settings = roomSettingsOf(await getCommunity(ctx.store, b.communityId));
  const byBooker = b.bookerId === ctx.caller.user!._id;
  const staff = isStaffOf(ctx, b.communityId);
  if (byBooker && !staff) refuse(cancelProblem(b.startAt, ctx.now, settings));
  if (!byBooker && !input.reason) throw new AppError('VALIDATION', '社区取消预约须写明原因', { reason: '请填写原因' });
  const by = byBooker ? 'booker' : 'staff';
  const next = await endBooking(ctx, b, {
    to: 'cancelled',
    action: by === 'booker' ? 'room.cancel' : 'room.staffCancel',
    note: input.reason ?? null,
    patch: { cancelReason: input.reason ?? null, cancelledBy: by },
    booker: 'giveBack',
    settings,
    also: async (tx) => {
      if (by === 'staff' && b.bookerId) {
        await notify(ctx, tx, bookingCancelledByStaff.with({ communityId: b.communityId, bookingId: b._id, roomName: b.roomName, startAt: b.startAt, reason: input.reason! }), [b.bookerId]);
      }
    },
  });
  return bookingView(ctx, next);
};
