import { Picker, Text, View } from '@tarojs/components'
import { WEEKDAY_LABELS, minutesOf, type OpeningHours, type WeekHours } from '@shared/room/rules'

/** A new day's hours when it is switched on: the nearest open day's, or a common daytime. */
const DEFAULT_DAY: OpeningHours = { open: '09:00', close: '21:00' }

interface Props {
  value: WeekHours
  onChange: (hours: WeekHours) => void
}

/** Why a day's hours cannot be kept, or null. The server checks again. */
export function dayProblem(day: OpeningHours | null): string | null {
  if (!day) return null
  return minutesOf(day.close) > minutesOf(day.open) ? null : '关门时间须晚于开门时间'
}

/**
 * Opening hours, one row per weekday (周一 first): a tap opens or shuts the day, and the phone's own wheels set
 * when it opens and closes. One button copies a day's hours to every open day, the usual case.
 */
export function WeekHoursEditor({ value, onChange }: Props) {
  const setDay = (i: number, day: OpeningHours | null) => onChange(value.map((d, j) => (j === i ? day : d)))
  const nearestOpen = (i: number): OpeningHours => {
    for (let k = 1; k < 7; k++) {
      const near = value[i - k] ?? value[i + k]
      if (near) return near
    }
    return DEFAULT_DAY
  }
  const first = value.find(Boolean)
  return (
    <View className="rs-hours" data-testid="hours">
      {WEEKDAY_LABELS.map((label, i) => {
        const day = value[i]
        const problem = dayProblem(day)
        return (
          <View key={label} className={`rs-hours__row${problem ? ' rs-hours__row--invalid' : ''}`} data-testid={`hours-${i}`}>
            <Text className="rs-hours__day">{label}</Text>
            <View
              className={`gz-choice rs-hours__toggle${day ? ' gz-choice--on' : ''}`}
              role="switch"
              aria-checked={!!day}
              aria-label={`${label}${day ? '开放' : '不开放'}`}
              onClick={() => setDay(i, day ? null : { ...nearestOpen(i) })}
            >
              {day ? '开放' : '不开放'}
            </View>
            {day ? (
              <View className="rs-hours__times">
                <Picker mode="time" value={day.open} onChange={(e) => setDay(i, { ...day, open: String(e.detail.value) })}>
                  <View className="gz-choice rs-hours__time" role="button" aria-label={`${label}开门时间`}>
                    {day.open}
                  </View>
                </Picker>
                <Text className="rs-hours__to">至</Text>
                <Picker mode="time" value={day.close === '24:00' ? '23:59' : day.close} onChange={(e) => setDay(i, { ...day, close: String(e.detail.value) })}>
                  <View className="gz-choice rs-hours__time" role="button" aria-label={`${label}关门时间`}>
                    {day.close}
                  </View>
                </Picker>
              </View>
            ) : null}
            {problem ? (
              <View className="rs-hours__error" role="alert">
                {problem}
              </View>
            ) : null}
          </View>
        )
      })}
      {first ? (
        <View className="gz-link rs-hours__copy" role="button" data-testid="hours-copy" onClick={() => onChange(value.map((d) => (d ? { ...first } : d)))}>
          把{first.open}–{first.close}用到每个开放日
        </View>
      ) : null}
    </View>
  )
}
