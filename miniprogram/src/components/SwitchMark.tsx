import { View } from '@tarojs/components'

/**
 * The look of an on/off switch inside a row that is itself the control (`role="switch"`, `aria-checked`): the row
 * takes the tap and says the state. NutUI's Switch would put an invalid `aria-role` attribute on the page.
 */
export function SwitchMark({ on }: { on: boolean }) {
  return <View className={`gz-switch-mark${on ? ' gz-switch-mark--on' : ''}`} aria-hidden="true" />
}
