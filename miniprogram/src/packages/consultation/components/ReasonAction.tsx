import { ReasonAction as Reason, type ReasonActionProps } from '../../../components/ReasonAction'
import { maxLengthOf } from '../../../services/limits'

const REASON_MAX = maxLengthOf('consultation', 'closeCollection', 'reason')

/** The consultation's reasons: one limit for all of them, and they are public on the timeline. */
export function ReasonAction(props: Omit<ReasonActionProps, 'maxLength' | 'hint'> & { hint?: string }) {
  return <Reason {...props} maxLength={REASON_MAX} hint={props.hint ?? '理由会公开显示在议事时间线上'} />
}
