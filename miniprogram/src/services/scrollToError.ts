import Taro from '@tarojs/taro'

/** A field with a message: `Field` marks its row with this class. */
export const INVALID_FIELD_CLASS = 'gz-field--invalid'

/**
 * Brings the first red field into view and puts the cursor in it, so a message below the fold (large text makes
 * forms long) is seen. H5: the first visible marked row in page order, scrolled to the middle and focused. weapp:
 * the page scrolls to the row by selector (the input is focused by `TextInput` itself). Returns whether a field was
 * there to scroll to.
 */
export function scrollToFirstError(): boolean {
  if (process.env.TARO_ENV === 'h5') {
    const rows = Array.from(document.querySelectorAll<HTMLElement>(`.${INVALID_FIELD_CLASS}`)).filter((el) => el.getClientRects().length > 0)
    const row = rows[0]
    if (!row) return false
    if (typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'center' })
    const control = row.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])')
    control?.focus({ preventScroll: true })
    return true
  }
  void Taro.pageScrollTo({ selector: `.${INVALID_FIELD_CLASS}`, offsetTop: -120, duration: 200 }).catch(() => undefined)
  return true
}

/** After React has drawn the messages. */
export function scrollToFirstErrorSoon(): void {
  setTimeout(scrollToFirstError, 60)
}
