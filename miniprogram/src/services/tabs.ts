import homeIcon from '../assets/tab/home.png'
import homeOnIcon from '../assets/tab/home-active.png'
import consultIcon from '../assets/tab/consult.png'
import consultOnIcon from '../assets/tab/consult-active.png'
import servicesIcon from '../assets/tab/services.png'
import servicesOnIcon from '../assets/tab/services-active.png'
import mineIcon from '../assets/tab/mine.png'
import mineOnIcon from '../assets/tab/mine-active.png'
import { TAB_PAGES } from './routes'
import { createStore } from './store'

/**
 * The tab bar we draw ourselves (H5 in `Page`, weapp as `custom-tab-bar`), so its labels follow 长辈版. The same
 * pages, words and icons as `tabBar.list` in app.config.ts, which WeChat still needs for `switchTab`.
 */
export const TABS = [
  { url: TAB_PAGES[0], text: '首页', icon: homeIcon as string, activeIcon: homeOnIcon as string },
  { url: TAB_PAGES[1], text: '议事', icon: consultIcon as string, activeIcon: consultOnIcon as string },
  { url: TAB_PAGES[2], text: '服务', icon: servicesIcon as string, activeIcon: servicesOnIcon as string },
  { url: TAB_PAGES[3], text: '我的', icon: mineIcon as string, activeIcon: mineOnIcon as string },
] as const

/**
 * The tab page on screen (weapp). WeChat gives each tab page its own `custom-tab-bar` instance and no reliable way
 * for it to know its page when it is made; `Page` sets this whenever a tab page shows.
 */
export const currentTabStore = createStore<string>('')
