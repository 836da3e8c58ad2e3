import { Picker, Text, View } from '@tarojs/components'

export interface DateTimeValue {
  date: string
  time: string
}

/**
 * A date and a time of day, each in the phone's own picker. The values are Shanghai wall-clock text
 * (`YYYY-MM-DD`, `HH:mm`); the caller turns them into a timestamp with parseShanghai.
 */
export function DateTimeField({ value, onChange, start, name }: { value: DateTimeValue; onChange: (v: DateTimeValue) => void; start?: string; name?: string }) {
  return (
    <View className="gz-row datetime-field" data-field={name}>
      <Picker mode="date" value={value.date} start={start} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
        <View className="gz-choice datetime-field__part" role="button">
          {value.date ? <Text>{value.date}</Text> : <Text className="gz-muted">选择日期</Text>}
        </View>
      </Picker>
      <Picker mode="time" value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
        <View className="gz-choice datetime-field__part" role="button">
          {value.time ? <Text>{value.time}</Text> : <Text className="gz-muted">选择时间</Text>}
        </View>
      </Picker>
    </View>
  )
}
