import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SeriesOccurrence } from '@shared/contract'
import { BOOKING_STATUS_LABELS, LIVE_STATUSES, WEEKDAY_LABELS, weekdayOf } from '@shared/room/rules'
import { Page } from '../../../../components/Page'
import { ReasonAction } from '../../../../components/ReasonAction'
import { StateView } from '../../../../components/StateView'
import { useAction } from '../../../../hooks/useAction'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { maxLengthOf } from '../../../../services/limits'
import { SeriesSummary, seriesRhythm } from '../components/SeriesSummary'
import '../staff.scss'

const CANCEL_MAX = maxLengthOf('room', 'cancel', 'reason')
const END_MAX = maxLengthOf('room', 'endSeries', 'reason')

/** One series: its occurrences (and the ones that collided), cancelling one, re-confirming a quarter, ending it. */
export default function SeriesDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const series = useLoaded(() => api.room.series({ id }), id || null)
  const act = useAction()
  usePullDownRefresh(() => void series.reload().finally(() => Taro.stopPullDownRefresh()))
  const s = series.data

  const renew = async () => {
    if (!s) return
    const sure = await confirmIrreversible({ title: '续期一个季度？', content: `“${s.title}”将继续${seriesRhythm(s)}，下一季度的场次会直接约好。`, confirmText: '续期' })
    if (!sure) return
    const next = await act.run('renew', () => api.room.confirmSeries({ id }), { success: '已续期' })
    if (next) series.setData(next)
  }
  const end = async (reason: string) => {
    const next = await act.run('end', () => api.room.endSeries({ id, reason }), { success: '已结束' })
    if (next) series.setData(next)
    return next
  }
  const cancelOne = async (o: SeriesOccurrence, reason: string) => {
    const done = await act.run(`cancel:${o.bookingId}`, () => api.room.cancel({ id: o.bookingId as string, reason }), { success: '已取消这一场' })
    if (done) await series.reload()
    return done
  }

  return (
    <Page>
      <Text className="page-title">固定预约</Text>
      <StateView loading={series.loading} error={series.error} onRetry={() => void series.reload()} />
      {s ? (
        <>
          <View className="gz-card" data-testid="series-summary">
            <SeriesSummary series={s} />
            {s.status === 'active' ? (
              <View className="rs-actions">
                {s.needsConfirming ? <Text className="rs-line rs-warning">快到确认期限了：请续期，否则{s.confirmedUntil}以后不再约场次。</Text> : null}
                <Button type={s.needsConfirming ? 'primary' : 'default'} block size="large" loading={act.busy === 'renew'} data-testid="series-renew" onClick={() => void renew()}>
                  续期一个季度
                </Button>
                <ReasonAction
                  label="结束固定预约"
                  reasonLabel="结束的原因"
                  hint="以后的场次都会取消"
                  maxLength={END_MAX}
                  busy={act.busy === 'end'}
                  danger
                  testId="series-end"
                  confirm={{ title: '结束这个固定预约？', content: `“${s.title}”以后的场次都会取消，时段放给其他居民，不能恢复。`, confirmText: '结束', danger: true }}
                  onConfirm={end}
                />
              </View>
            ) : null}
          </View>

          <Text className="gz-section-title">场次</Text>
          {s.occurrences.length === 0 ? <Text className="gz-card gz-muted rs-line">以后没有场次</Text> : null}
          <View className="gz-card" data-testid="occurrences">
            {s.occurrences.map((o) => {
              const live = o.status !== null && LIVE_STATUSES.includes(o.status)
              return (
                <View key={o.date} className="rs-occurrence" data-testid="occurrence" data-date={o.date}>
                  <Text className="rs-day__time">
                    {o.date} {WEEKDAY_LABELS[weekdayOf(o.date)]}
                  </Text>
                  {o.collision ? <Text className="gz-tag gz-tag--orange">未约上：{o.collision}</Text> : <Text className={`gz-tag${live ? ' gz-tag--primary' : ' gz-tag--gray'}`}>{o.status ? BOOKING_STATUS_LABELS[o.status] : ''}</Text>}
                  {live && o.bookingId ? (
                    <View className="rs-occurrence__action">
                      <ReasonAction
                        label="取消这一场"
                        reasonLabel="取消的原因"
                        hint="只取消这一场，其余照常"
                        maxLength={CANCEL_MAX}
                        busy={act.busy === `cancel:${o.bookingId}`}
                        danger
                        testId="occurrence-cancel"
                        confirm={{ title: `取消${o.date}这一场？`, content: `“${s.title}”${o.date}这一场将取消，时段放给其他居民；其余场次照常。`, confirmText: '取消这场', danger: true }}
                        onConfirm={(reason) => cancelOne(o, reason)}
                      />
                    </View>
                  ) : null}
                </View>
              )
            })}
          </View>
        </>
      ) : null}
    </Page>
  )
}
