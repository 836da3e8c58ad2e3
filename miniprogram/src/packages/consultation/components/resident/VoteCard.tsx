import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/contract'
import { VOTE_TEMPLATE_KEYS } from '@shared/consultation/notifications'
import { ballotChoices } from '@shared/consultation/steps'
import { api } from '../../../../services/api'
import { askToSubscribe } from '../../../../services/subscriptions'
import type { useAction } from '../../../../hooks/useAction'

interface Props {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  refresh: () => Promise<void>
}

/** One big button per choice; a vote cannot be changed, so it is confirmed first. */
export function VoteCard({ view: c, act, refresh }: Props) {
  if (c.step !== 5 || c.voteState !== 'open' || !c.plan) return null
  if (c.me.voted) {
    return (
      <View className="gz-card">
        <Text className="cs-callout cs-callout--ok" data-testid="voted">
          已投票 ✓ 结果会在表决结束后公布
        </Text>
      </View>
    )
  }
  if (!c.me.checkedIn) {
    return (
      <View className="gz-card">
        <Text className="gz-muted">正在表决。签到后的参会人才能投票。</Text>
      </View>
    )
  }
  const choices = ballotChoices(c.plan)
  const vote = async (i: number) => {
    const { confirm } = await Taro.showModal({ title: '请确认', content: `投给「${choices[i]}」？投票后不能修改。`, confirmText: '确认投票', cancelText: '再想想' })
    if (!confirm) return
    // Right after the confirming tap, before any request: the result is what a voter wants to hear about.
    void askToSubscribe(VOTE_TEMPLATE_KEYS)
    const seat = await act.run(`vote${i}`, () => api.consultation.vote({ id: c.id, choice: i }), { success: '投票成功' })
    if (seat) await refresh()
  }
  return (
    <View className="gz-card gz-stack" data-testid="vote-card">
      <Text className="cs-card-title">请表决：{c.topic?.question ?? c.title}</Text>
      {choices.map((choice, i) => (
        <View
          key={choice}
          className={`cs-vote-btn${act.busy ? ' cs-vote-btn--busy' : ''}`}
          role="button"
          data-choice={i}
          onClick={act.busy ? undefined : () => void vote(i)}
        >
          {choice}
        </View>
      ))}
    </View>
  )
}
