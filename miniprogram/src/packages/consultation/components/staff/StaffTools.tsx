import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { Choices } from '../../../../components/Choices'
import { StateView } from '../../../../components/StateView'
import { api } from '../../../../services/api'
import { consultationRoutes } from '../../../../services/consultationRoutes'
import type { useAction } from '../../../../hooks/useAction'
import { useHosts } from '../../hooks/useHosts'
import { ReasonAction } from '../ReasonAction'

interface Props {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  apply: (next: ConsultationView) => void
}

/** For staff of the community: review the topic, change the host, read the audit trail. */
export function StaffTools({ view: c, act, apply }: Props) {
  const [showHosts, setShowHosts] = useState(false)
  const hosts = useHosts(showHosts ? c.communityId : null)
  const [hostId, setHostId] = useState<string | undefined>()
  const finished = c.state === 'cancelled' || c.state === 'closed'

  const approve = async () => {
    const next = await act.run('approve', () => api.consultation.reviewTopic({ id: c.id, approve: true }), { success: '议题已通过' })
    if (next) apply(next)
  }
  const reject = async (reason: string) => {
    const next = await act.run('reject', () => api.consultation.reviewTopic({ id: c.id, approve: false, reason }), { success: '已驳回' })
    if (next) apply(next)
    return next
  }
  const assign = async () => {
    if (!hostId) return
    const next = await act.run('assign', () => api.consultation.assignHost({ id: c.id, hostId }), { success: '已更换主持人' })
    if (next) {
      apply(next)
      setShowHosts(false)
    }
  }

  return (
    <View className="gz-card gz-stack cs-staff" data-testid="staff-tools">
      <Text className="cs-card-title">社区工作者</Text>
      {c.step === 2 && c.topicApproval === 'pending' ? (
        <View className="gz-stack">
          <Text className="cs-callout cs-callout--wait">议题「{c.topic?.title}」等待您审核</Text>
          <Button type="primary" block size="large" loading={act.busy === 'approve'} onClick={approve} data-testid="approve-topic">
            审核通过
          </Button>
          <ReasonAction label="驳回议题" reasonLabel="驳回理由" hint="主持人会看到这个理由并修改议题" busy={act.busy === 'reject'} danger onConfirm={reject} />
        </View>
      ) : null}
      {!finished ? (
        showHosts ? (
          <View className="gz-stack">
            <Text>选择新的主持人（当前：{c.hostName}）</Text>
            <StateView loading={hosts.loading} error={hosts.error} empty={hosts.data?.length === 0} emptyText="本社区还没有主持人，请先在居民中授予" onRetry={hosts.reload} />
            <Choices
              layout="rows"
              options={(hosts.data ?? []).map((m) => ({ value: m.userId, label: `${m.nickname}（${m.building}${m.unit}）` }))}
              value={hostId}
              onChange={setHostId}
            />
            <View className="cs-actions">
              <Button block size="large" onClick={() => setShowHosts(false)}>
                不换了
              </Button>
              <Button type="primary" block size="large" disabled={!hostId} loading={act.busy === 'assign'} onClick={assign}>
                确认更换
              </Button>
            </View>
          </View>
        ) : (
          <Button block size="large" onClick={() => setShowHosts(true)}>
            指派或更换主持人
          </Button>
        )
      ) : null}
      <Button block size="large" onClick={() => void Taro.navigateTo({ url: consultationRoutes.audit(c.communityId, c.id) })}>
        查看审计记录
      </Button>
    </View>
  )
}
