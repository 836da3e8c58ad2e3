/**
 * The home page's entry tiles. A module that is not built yet has no `url` and says 即将上线;
 * whoever builds one adds its url (a subpackage page, or a tab page with `tab: true`).
 */
export interface ModuleTile {
  key: string
  title: string
  hint: string
  url?: string
  tab?: boolean
}

export const MODULE_TILES: ModuleTile[] = [
  { key: 'wish', title: '微心愿', hint: '说出小心愿，邻里来帮忙', url: '/packages/wish/wall/index' },
  { key: 'room', title: '活动室', hint: '预约社区活动室', url: '/packages/room/rooms/index' },
  { key: 'consultation', title: '议事厅', hint: '社区的事大家商量', url: '/pages/consult/index', tab: true },
  { key: 'project', title: '创享计划', hint: '投票选出社区好项目', url: '/packages/budget/rounds/index' },
]
