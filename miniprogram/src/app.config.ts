const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
})

const subPackages = [
  { root: 'packages/notice', pages: ['detail/index'] },
  { root: 'packages/mine', pages: ['profile/index', 'residency/index', 'data/index', 'inbox/index', 'notify/index'] },
  { root: 'packages/admin', pages: ['notices/index', 'notice-edit/index', 'residency/index', 'outbox/index', 'community/index', 'members/index', 'settings/index', 'communities/index', 'staff/index'] },
  { root: 'packages/consultation', pages: ['detail/index', 'host/index', 'hosted/index', 'create/index', 'opinions/index', 'opinion/index', 'opinion-new/index', 'staff/index', 'audit/index'] },
  { root: 'packages/budget', pages: ['rounds/index', 'round/index', 'edit/index', 'proposal/index', 'proposal-new/index', 'ballot/index', 'receipt/index', 'results/index', 'review/index', 'staff/index'] },
  { root: 'packages/wish', pages: ['wall/index', 'detail/index', 'new/index', 'mine/index', 'points/index', 'staff/index', 'org/index'] },
  {
    root: 'packages/room',
    pages: [
      'rooms/index',
      'room/index',
      'book/index',
      'mine/index',
      'booking/index',
      'checkin/index',
      'suspended/index',
      'staff/index',
      'staff/rooms/index',
      'staff/room-edit/index',
      'staff/blackouts/index',
      'staff/poster/index',
      'staff/day/index',
      'staff/series/index',
      'staff/series-new/index',
      'staff/series-detail/index',
      'staff/proxy/index',
    ],
  },
  { root: 'packages/dashboard', pages: ['index/index'] },
]

// The demo sign-in stands in for WeChat's identity on H5 only; the weapp build must not contain it.
if (process.env.TARO_ENV === 'h5') subPackages.push({ root: 'packages/login', pages: ['index'] })

export default defineAppConfig({
  // tabBar pages must live in the main package; features go to subpackages (2 MB per package). `not-found` is
  // where an unknown address lands (App's onPageNotFound).
  pages: ['pages/home/index', 'pages/consult/index', 'pages/services/index', 'pages/mine/index', 'pages/not-found/index'],
  subPackages,
  // Inject only the components a page uses, at the moment it renders: faster start on older phones.
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  window: {
    navigationBarTitleText: '共治',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundTextStyle: 'light',
  },
  // `custom`: we draw the bar (`src/custom-tab-bar` on weapp, `Page` on H5) so its labels follow 长辈版; the list
  // stays, for switchTab, and matches `services/tabs.ts`.
  tabBar: {
    custom: true,
    color: '#555555',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      tab('pages/home/index', '首页', 'home'),
      tab('pages/consult/index', '议事', 'consult'),
      tab('pages/services/index', '服务', 'services'),
      tab('pages/mine/index', '我的', 'mine'),
    ],
  },
})
