import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ProposalView } from '@shared/contract'
import { yuan } from '@shared/budget/ballot'
import { IMPLEMENTATION_STATUS_LABELS } from '@shared/budget/implementation'
import { PROPOSAL_STATUS_LABELS, projectCost } from '@shared/budget/proposals'
import { budgetRoutes } from '../routes'
import { Progress } from './Progress'

const STATUS_TAG = { submitted: 'gz-tag--orange', eligible: 'gz-tag--green', ineligible: 'gz-tag--gray', merged: 'gz-tag--gray' } as const

/** A proposal in a list: what, how much, how many 附议, and once it won, how far it has come. */
export function ProposalCard({ p }: { p: ProposalView }) {
  const impl = p.implementation
  return (
    <View className="gz-card bg-card" role="button" data-testid="proposal-card" onClick={() => void Taro.navigateTo({ url: budgetRoutes.proposal(p.id) })}>
      <View className="gz-row">
        <Text className={`gz-tag ${STATUS_TAG[p.status]}`}>{PROPOSAL_STATUS_LABELS[p.status]}</Text>
        <Text className="gz-tag">{p.category}</Text>
        {impl ? <Text className="gz-tag gz-tag--green">{IMPLEMENTATION_STATUS_LABELS[impl.status]}</Text> : null}
      </View>
      <Text className="bg-card__title">{p.title}</Text>
      <View className="gz-row gz-row--between">
        <Text className="bg-money">{yuan(projectCost(p))}</Text>
        <Text className="gz-muted">
          {p.supportCount}人附议 · {p.proposerName}
        </Text>
      </View>
      {impl ? <Progress value={impl.progress} max={100} label={`进度 ${impl.progress}%`} /> : null}
    </View>
  )
}
