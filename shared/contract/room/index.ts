import { bookingActions } from './bookings';
import { roomActions } from './rooms';
import { seriesActions } from './series';
import { waitlistActions } from './waitlist';

export type { BlackoutView, BookingView, GridDay, GridSlot, MyStanding, RoomCard, RoomGrid, RoomView, SeriesOccurrence, SeriesView, WaitView } from './common';

/** The room function's actions: rooms and blackouts, bookings, the ordered waitlist, and recurring series. */
export const roomContract = { ...roomActions, ...bookingActions, ...waitlistActions, ...seriesActions };
