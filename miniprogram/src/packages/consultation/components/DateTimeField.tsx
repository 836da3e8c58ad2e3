import { Picker, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'

interface Props {
  label: string
  date: string
  /** Omit for a date only. */
  time?: string
  start?: string
  error?: string
  hint?: string
  name?: string
  onDate: (date: string) => void
  onTime?: (time: string) => void
}

/**
 * Date and time through the phone's own wheels, as Shanghai wall-clock text (YYYY-MM-DD, HH:mm);
 * the caller turns them into a timestamp with parseShanghai, never with the phone's time zone.
 */
export function DateTimeField({ label, date, time, start, error, hint, name, onDate, onTime }: Props) {
  return (
    <Field label={label} error={error} hint={hint} name={name}>
      <View className="cs-datetime">
        <Picker mode="date" value={date} start={start} onChange={(e) => onDate(String(e.detail.value))}>
          <View className="cs-picker" role="button" data-testid={name ? `${name}-date` : undefined}>
            <Text>{date || '选择日期'}</Text>
            <Text className="cs-picker__arrow">›</Text>
          </View>
        </Picker>
        {time !== undefined && onTime ? (
          <Picker mode="time" value={time} onChange={(e) => onTime(String(e.detail.value))}>
            <View className="cs-picker" role="button" data-testid={name ? `${name}-time` : undefined}>
              <Text>{time || '选择时间'}</Text>
              <Text className="cs-picker__arrow">›</Text>
            </View>
          </Picker>
        ) : null}
      </View>
    </Field>
  )
}
