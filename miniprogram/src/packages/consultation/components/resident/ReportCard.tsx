import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationView, ProgressView } from '@shared/contract'
import { formatDate, formatDateTime } from '../../../../services/format'
import { routes } from '../../../../services/routes'
import { Milestones } from '../Milestones'
import { PhotoRow } from '../../../../components/Photos'

/** Step 6 for everyone: the 结果公示, who is responsible, the milestones and the progress so far. */
export function ReportCard({ view: c, progress }: { view: ConsultationView; progress: ProgressView[] }) {
  if (c.step !== 6 || !c.reportNoticeId) return null
  const reportId = c.reportNoticeId
  return (
    <View className="gz-card gz-stack" data-testid="report-card">
      <Text className="cs-card-title">协商结果与落实</Text>
      <View className="cs-link-row" role="button" data-testid="report-link" onClick={() => void Taro.navigateTo({ url: routes.noticeDetail(reportId) })}>
        <Text>查看《结果公示》</Text>
        <Text className="cs-picker__arrow">›</Text>
      </View>
      {c.responsible ? <Text>责任人：{c.responsible}</Text> : null}
      <Milestones items={c.milestones} />
      {c.minutes ? <Text className="gz-muted cs-pre">会议纪要：{c.minutes}</Text> : null}
      <Text className="cs-subtitle">落实进展</Text>
      {progress.length ? null : <Text className="gz-muted">还没有进展更新</Text>}
      {progress.map((p) => (
        <View key={p.id} className="cs-progress">
          <Text className="gz-muted">{formatDateTime(p.at)}</Text>
          <Text>{p.text}</Text>
          <PhotoRow ids={p.photos} />
        </View>
      ))}
      {c.implementedAt ? <Text className="cs-callout cs-callout--ok">已于 {formatDate(c.implementedAt)} 落实</Text> : null}
    </View>
  )
}
