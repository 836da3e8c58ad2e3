const tab = (pagePath: string, text: string, icon: string) => ({
  pagePath,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
})

const subPackages = [
  { root: 'packages/notice', pages: ['detail/index'] },
  { root: 'packages/mine', pages: ['profile/index', 'residency/index', 'data/index', 'inbox/index', 'notify/index'] },
  { root: 'packages/admin', pages: ['notices/index', 'notice-edit/index', 'residency/index', 'outbox/index'] },
  { root: 'packages/consultation', pages: ['detail/index', 'host/index', 'hosted/index', 'create/index', 'opinions/index', 'opinion/index', 'opinion-new/index', 'staff/index', 'audit/index'] },
  { root: 'packages/wish', pages: ['wall/index', 'detail/index', 'new/index', 'mine/index', 'points/index', 'staff/index', 'org/index'] },
]

// The demo sign-in stands in for WeChat's identity on H5 only; the weapp build must not contain it.
if (process.env.TARO_ENV === 'h5') subPackages.push({ root: 'packages/login', pages: ['index'] })

export default defineAppConfig({
  // tabBar pages must live in the main package; features go to subpackages (2 MB per package)
  pages: ['pages/home/index', 'pages/consult/index', 'pages/services/index', 'pages/mine/index'],
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
  tabBar: {
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
