import { consultationRoutes } from './consultationRoutes'
import { roomStaffRoutes } from './roomStaffRoutes'
import { routes } from './routes'

/** Where a document of each module opens; a module whose pages are not built opens nowhere. */
const PAGES: Record<string, (id: string) => string> = {
  consultation: consultationRoutes.detail,
  notice: routes.noticeDetail,
  room: routes.roomBooking,
  roomSeries: roomStaffRoutes.series,
}

/** The page for `{ module, id }` (an inbox message's link, a notice's source), or null when there is none. */
export function moduleLinkUrl(link: { module: string; id: string } | null | undefined): string | null {
  const to = link ? PAGES[link.module] : undefined
  return link && to ? to(link.id) : null
}
