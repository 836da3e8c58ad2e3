import { queryString as q } from './routes'

/** Addresses of staff's 活动室 pages (`packages/room/staff/`), for the 社区管理 menu and the pages themselves. */
const ROOT = '/packages/room/staff'

export const roomStaffRoutes = {
  /** The desk: the approval queue and the way to everything else. */
  desk: (communityId: string) => `${ROOT}/index${q({ communityId })}`,
  rooms: (communityId: string) => `${ROOT}/rooms/index${q({ communityId })}`,
  newRoom: (communityId: string) => `${ROOT}/room-edit/index${q({ communityId })}`,
  editRoom: (communityId: string, roomId: string) => `${ROOT}/room-edit/index${q({ communityId, roomId })}`,
  /** `roomId`: a new blackout starts for that room (else all rooms). */
  blackouts: (communityId: string, roomId?: string) => `${ROOT}/blackouts/index${q({ communityId, roomId })}`,
  poster: (roomId: string) => `${ROOT}/poster/index${q({ roomId })}`,
  day: (communityId: string, date?: string) => `${ROOT}/day/index${q({ communityId, date })}`,
  seriesList: (communityId: string) => `${ROOT}/series/index${q({ communityId })}`,
  newSeries: (communityId: string) => `${ROOT}/series-new/index${q({ communityId })}`,
  series: (id: string) => `${ROOT}/series-detail/index${q({ id })}`,
  proxyBook: (communityId: string) => `${ROOT}/proxy/index${q({ communityId })}`,
}
