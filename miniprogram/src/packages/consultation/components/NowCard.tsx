import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationResult, ConsultationView } from '@shared/contract'
import { OUTCOME_LABELS } from '@shared/consultation/decision'
import { formatDate, formatDateTime } from '../../../services/format'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { routes } from '../../../services/routes'

const ENDED_TEXT = { postponed: '议事已延期，恢复后继续进行', cancelled: '议事已取消', closed: '议事已结束，感谢大家参与' } as const

function nowText(c: ConsultationView): string {
  switch (c.step) {
    case 1:
      return c.collectionClosedAt ? '意见收集已结束，主持人正在整理' : '正在收集大家的意见，欢迎提意见、附议'
    case 2:
      return '主持人正在根据大家的意见确定议题'
    case 3:
      return '正在制定协商方案：时间、地点、谁来参加、怎么表决'
    case 4:
      return c.noticeId ? '协商公告已发布，欢迎报名参加' : '协商公告即将发布'
    case 5:
      if (!c.meetingOpenedAt) return c.plan ? `等待会议开始（${formatDateTime(c.plan.meetingAt)}）` : '等待会议开始'
      if (c.voteState === 'open') return '会议正在表决'
      if (c.voteState === 'closed' && c.result) {
        return c.result.outcome === 'decided' ? '表决已结束，形成了决定；主持人正在整理会议纪要，随后公示结果' : `${undecidedText(c.result)}主持人正在整理会议纪要，随后公示情况`
      }
      return '会议正在进行'
    default:
      if (c.result && c.result.outcome !== 'decided') {
        return `${undecidedText(c.result)}${c.reportNoticeId ? '情况已经公示。' : '主持人将公示情况。'}这件事可以继续在意见池里提，主持人可以另行组织协商`
      }
      return c.implementedAt ? '协商结果已落实，欢迎评价' : '正在落实协商结果'
  }
}

/** What happened when the meeting did not decide: 未达法定人数 or no option carried. */
function undecidedText(result: ConsultationResult): string {
  return result.outcome === 'no_quorum'
    ? `本次会议${OUTCOME_LABELS.no_quorum}（到会${result.attendance}人，需${result.quorum}人），表决无效，没有形成决定。`
    : `本次表决${OUTCOME_LABELS.no_decision}：${result.explanation}。`
}

/** Where it stands now, in one sentence, with the one link that step needs. */
export function NowCard({ view: c }: { view: ConsultationView }) {
  const noticeId = c.noticeId
  return (
    <View className="gz-card gz-stack" data-testid="now-card">
      <Text className="cs-now" data-testid="now-text">
        {c.state === 'active' ? nowText(c) : ENDED_TEXT[c.state]}
      </Text>
      <Text className="gz-muted">主题：{c.theme}</Text>
      <Text className="gz-muted">主持人：{c.hostName}</Text>
      {c.meetingOpenedAt ? (
        <Text className="gz-muted" data-testid="opened-at">
          会议实际开始：{formatDateTime(c.meetingOpenedAt)}
          {c.plan && c.meetingOpenedAt < c.plan.meetingAt ? `（原定${formatDateTime(c.plan.meetingAt)}，提前开始）` : ''}
        </Text>
      ) : null}
      {c.step === 1 ? (
        <Text className="gz-muted">
          收集时间：{formatDate(c.collectFrom)} 至 {formatDate(c.collectTo)}
          {c.collectionClosedAt ? `（已于${formatDateTime(c.collectionClosedAt)}提前结束：${c.collectionCloseReason ?? ''}）` : ''}
        </Text>
      ) : null}
      <View className="cs-link-row" role="button" data-testid="opinions-link" onClick={() => void Taro.navigateTo({ url: consultationRoutes.opinions(c.communityId, c.id) })}>
        <Text>本次议事收到的意见（{c.opinionCount}条）</Text>
        <Text className="cs-picker__arrow">›</Text>
      </View>
      {noticeId ? (
        <View className="cs-link-row" role="button" data-testid="notice-link" onClick={() => void Taro.navigateTo({ url: routes.noticeDetail(noticeId) })}>
          <Text>查看《协商公告》</Text>
          <Text className="cs-picker__arrow">›</Text>
        </View>
      ) : null}
    </View>
  )
}
