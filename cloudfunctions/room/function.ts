import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { book, proxyBook } from './booking';
import { cancel } from './cancelling';
import { checkIn, markCheckedIn } from './checking-in';
import { doorQr } from './door';
import { grid } from './grid';
import { booking, dayView, myBookings, myStanding } from './reading';
import { approvalQueue, review } from './reviewing';
import { addBlackout, blackouts, createRoom, removeBlackout, resetCheckInCode, room, rooms, updateRoom } from './rooms';
import { confirmSeries, createSeries, endSeries, series, seriesList } from './series';
import { acceptOffer, declineOffer, joinWaitlist, leaveWaitlist, myWaits } from './waitlist';

export const roomFunction = defineFunction('room', contract.room, {
  rooms,
  room,
  createRoom,
  updateRoom,
  resetCheckInCode,
  doorQr,
  blackouts,
  addBlackout,
  removeBlackout,
  grid,
  book,
  proxyBook,
  booking,
  myBookings,
  myStanding,
  cancel,
  review,
  checkIn,
  markCheckedIn,
  approvalQueue,
  dayView,
  joinWaitlist,
  leaveWaitlist,
  myWaits,
  acceptOffer,
  declineOffer,
  createSeries,
  seriesList,
  series,
  confirmSeries,
  endSeries,
});
