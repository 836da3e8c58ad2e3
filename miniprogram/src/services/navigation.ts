import Taro from '@tarojs/taro'
import { confirmLeave } from './leaveGuard'
import { routes } from './routes'

/** Whether there is a page under this one to go back to (a page opened by a link or a reload has none). */
export function hasPageBelow(): boolean {
  try {
    return Taro.getCurrentPages().length > 1
  } catch {
    return false
  }
}

/** Back one page, or home when there is none below. */
export async function goBackOrHome(): Promise<void> {
  if (hasPageBelow()) await Taro.navigateBack()
  else await Taro.reLaunch({ url: routes.home })
}

/** The H5 bar's controls: ask first when the page holds unsent text. */
export async function leaveBack(page?: string): Promise<void> {
  if (await confirmLeave(page)) await goBackOrHome()
}

export async function leaveHome(page?: string): Promise<void> {
  if (await confirmLeave(page)) await Taro.reLaunch({ url: routes.home })
}
