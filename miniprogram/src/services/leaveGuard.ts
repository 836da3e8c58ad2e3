import Taro from '@tarojs/taro'

/**
 * Unsaved text, per page. A form says "I hold text not yet sent" (`useLeaveGuard`); leaving the page through our
 * own controls (the H5 bar's 返回 and 首页) asks first, and so do a reload or closing the tab on H5 (beforeunload)
 * and WeChat's own back on weapp (`enableAlertBeforeUnload`, set per page by the hook).
 */
export const LEAVE_MESSAGE = '填写的内容还没有提交，离开后不会保留。确定离开吗？'

interface Guard {
  page: string
  isDirty: () => boolean
}

const guards = new Set<Guard>()

export function addLeaveGuard(page: string, isDirty: () => boolean): () => void {
  const guard = { page, isDirty }
  guards.add(guard)
  syncBeforeUnload()
  return () => {
    guards.delete(guard)
    syncBeforeUnload()
  }
}

/** Whether the page (its router path; every page when omitted) holds unsent text. */
export function hasUnsavedText(page?: string): boolean {
  for (const g of guards) if ((page === undefined || g.page === page) && g.isDirty()) return true
  return false
}

/** Resolves true when the person may leave: nothing unsent, or they said so. */
export async function confirmLeave(page?: string): Promise<boolean> {
  if (!hasUnsavedText(page)) return true
  const { confirm } = await Taro.showModal({ title: '还没有提交', content: LEAVE_MESSAGE, confirmText: '离开', cancelText: '继续填写' })
  return !!confirm
}

// H5: a reload or closing the tab while text is unsent gets the browser's own "leave site?" prompt.
function onBeforeUnload(event: BeforeUnloadEvent): string | undefined {
  if (!hasUnsavedText()) return undefined
  event.preventDefault()
  // Older browsers want a return value; the text itself is the browser's own.
  event.returnValue = LEAVE_MESSAGE
  return LEAVE_MESSAGE
}

let listening = false

function syncBeforeUnload(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  const want = guards.size > 0
  if (want && !listening) window.addEventListener('beforeunload', onBeforeUnload)
  if (!want && listening) window.removeEventListener('beforeunload', onBeforeUnload)
  listening = want
}
