/** Every page's address in one place, so a renamed page is one edit. */
const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const TAB_PAGES = ['/pages/home/index', '/pages/consult/index', '/pages/services/index', '/pages/mine/index']

export const routes = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  notFound: '/pages/not-found/index',
  noticeDetail: (id: string) => `/packages/notice/detail/index${q({ id })}`,
  profile: '/packages/mine/profile/index',
  residency: '/packages/mine/residency/index',
  myData: '/packages/mine/data/index',
  inbox: '/packages/mine/inbox/index',
  notifySettings: '/packages/mine/notify/index',
  manageNotices: (communityId?: string) => `/packages/admin/notices/index${q({ communityId })}`,
  /** `scope: 'street'` starts a new notice as street-wide (the admin's 全街道 list). */
  editNotice: (communityId: string, id?: string, scope?: 'street') => `/packages/admin/notice-edit/index${q({ communityId, id, scope })}`,
  outbox: (communityId?: string) => `/packages/admin/outbox/index${q({ communityId })}`,
  budgetRounds: '/packages/budget/rounds/index',
  reviewResidency: (communityId?: string) => `/packages/admin/residency/index${q({ communityId })}`,
  /** Staff: one community's 居民认证审核, 居民名单, 主持人 and 社区设置. */
  communityAdmin: (communityId?: string) => `/packages/admin/community/index${q({ communityId })}`,
  members: (communityId?: string) => `/packages/admin/members/index${q({ communityId })}`,
  communitySettings: (communityId?: string) => `/packages/admin/settings/index${q({ communityId })}`,
  /** The street admin: the street's communities, a new one, and each one's staff. */
  streetCommunities: '/packages/admin/communities/index',
  communityStaff: (communityId: string) => `/packages/admin/staff/index${q({ communityId })}`,
  wishWall: (communityId?: string) => `/packages/wish/wall/index${q({ communityId })}`,
  wishDetail: (id: string) => `/packages/wish/detail/index${q({ id })}`,
  /** `proxy`: staff's 代办 form, for a resident without an account. */
  wishNew: (communityId: string, proxy?: boolean) => `/packages/wish/new/index${q({ communityId, proxy: proxy ? '1' : undefined })}`,
  wishMine: (tab?: 'claims') => `/packages/wish/mine/index${q({ tab })}`,
  wishPoints: (communityId?: string) => `/packages/wish/points/index${q({ communityId })}`,
  wishStaff: (communityId?: string) => `/packages/wish/staff/index${q({ communityId })}`,
  wishOrg: (communityId?: string) => `/packages/wish/org/index${q({ communityId })}`,
  rooms: (communityId?: string) => `/packages/room/rooms/index${q({ communityId })}`,
  /** `date`: the day the grid opens on (YYYY-MM-DD). */
  room: (id: string, date?: string) => `/packages/room/room/index${q({ id, date })}`,
  /** `wait`: the range is taken; the form queues for it (排队候补) instead of booking. */
  roomBook: (roomId: string, date: string, start: string, end: string, wait?: boolean) => `/packages/room/book/index${q({ roomId, date, start, end, wait: wait ? '1' : undefined })}`,
  myBookings: '/packages/room/mine/index',
  /** On WeChat the door QR opens this page with a `scene`; on H5 the resident types the room's code. */
  roomCheckIn: (roomId?: string) => `/packages/room/checkin/index${q({ roomId })}`,
  /** One booking: its state, cancel, check in, and a waitlist offer to accept or decline. */
  roomBooking: (id: string) => `/packages/room/booking/index${q({ id })}`,
  roomSuspension: (communityId?: string) => `/packages/room/suspended/index${q({ communityId })}`,
  /** 数据看板: one community's (staff), or the street's (`street`, the admin). */
  dashboard: (communityId?: string, street?: boolean) => `/packages/dashboard/index/index${q({ communityId, street: street ? '1' : undefined })}`,
  /** H5 only; the weapp build has no such page. */
  login: (redirect?: string) => `/packages/login/index${q({ redirect })}`,
}

export function isTabPage(url: string): boolean {
  return TAB_PAGES.includes(url.split('?')[0])
}

/** `?a=1&b=2` of the values given, empty ones left out: for the subpackages' own address tables. */
export const queryString = q
