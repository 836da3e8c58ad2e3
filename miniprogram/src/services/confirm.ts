import Taro from '@tarojs/taro'
import { displayStore } from './display'

export interface Confirmation {
  /** The question, naming the action: 开启表决？ */
  title: string
  /** What will happen, and what cannot be undone, in plain words. */
  content: string
  /** The confirming button: the action's own verb. WeChat shows at most 4 characters. */
  confirmText: string
  /** Red confirming button, for what destroys or cancels (取消议事). */
  danger?: boolean
}

/** The body class that makes H5's modal follow 长辈版 (`app.scss`); WeChat's own modal follows the system size. */
const LARGE_MODAL_CLASS = 'gz-large-modal'
const XLARGE_MODAL_CLASS = 'gz-xlarge-modal'

/**
 * Asks once before something that cannot be undone: opening or closing the vote, publishing a notice, starting
 * the meeting, cancelling. Resolves true only when the person taps the confirming button; closing the dialog any
 * other way, or a dialog that fails to show, is a no.
 */
export async function confirmIrreversible({ title, content, confirmText, danger }: Confirmation): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    const { textSize } = displayStore.get()
    document.body.classList.toggle(LARGE_MODAL_CLASS, textSize !== 'standard')
    document.body.classList.toggle(XLARGE_MODAL_CLASS, textSize === 'xlarge')
  }
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText: Array.from(confirmText).slice(0, 4).join(''),
      cancelText: '再想想',
      confirmColor: danger ? '#b3261e' : '#c8102e',
      cancelColor: '#333333',
    })
    return res.confirm
  } catch {
    return false
  }
}
