import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoundView } from '@shared/contract'
import { ballotRuleText, yuan } from '@shared/budget/ballot'
import { percent, SELECTION_RULE_LABELS } from '@shared/budget/results'
import { VOTER_UNIT_LABELS } from '@shared/budget/voter-unit'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { useLoaded } from '../../../hooks/useLoaded'
import { PhaseBar } from '../components/PhaseBar'
import { ProposalCard } from '../components/ProposalCard'
import { RoundTimeline } from '../components/Timeline'
import { keptReceipt } from '../receipts'
import { budgetRoutes } from '../routes'
import '../budget.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** What a resident can do in this phase, as one big button (or a line saying why not). */
function NextStep({ r, resident }: { r: RoundView; resident: boolean }) {
  if (r.phase === 'collect') {
    return resident ? (
      <Button type="primary" block size="large" data-testid="submit-proposal" onClick={() => go(budgetRoutes.submit(r.id))}>
        我有好点子，提交提案
      </Button>
    ) : (
      <Text className="gz-muted">征集截止：{formatDateTime(r.collectTo)}。本社区认证居民可以提交提案。</Text>
    )
  }
  if (r.phase === 'review') return <Text className="gz-muted">社区工作者正在审核提案的可行性，投票将于{formatDateTime(r.voteFrom)}开始。</Text>
  if (r.phase === 'voting') {
    return (
      <View className="gz-stack">
        <Text className="bg-big">已有 {r.turnout} {r.voterUnit === 'household' ? '户' : '人'}投票</Text>
        <Text className="gz-muted">投票截止：{formatDateTime(r.voteTo)}。各项目得票在投票结束后公布。</Text>
        {r.me.cannotVote === null ? (
          <Button type="primary" block size="large" data-testid="go-vote" onClick={() => go(budgetRoutes.ballot(r.id))}>
            去投票
          </Button>
        ) : (
          <Text className="gz-muted" data-testid="cannot-vote">
            {r.me.cannotVote}
          </Text>
        )}
        {keptReceipt(r.id)?.cast ? (
          <Button block size="large" onClick={() => go(budgetRoutes.receipt(r.id))}>
            查看我的投票回执
          </Button>
        ) : null}
      </View>
    )
  }
  if (!r.results) return <Text className="gz-muted">投票已截止，正在计票，结果将在公示后显示。</Text>
  return (
    <View className="gz-stack">
      <Button type="primary" block size="large" data-testid="see-results" onClick={() => go(budgetRoutes.results(r.id))}>
        查看结果和解释
      </Button>
      {keptReceipt(r.id)?.cast ? (
        <Button block size="large" onClick={() => go(budgetRoutes.receipt(r.id))}>
          查看我的投票回执
        </Button>
      ) : null}
      {r.satisfactionRate !== null ? <Text className="bg-big">居民满意率 {percent(r.satisfactionRate)}</Text> : null}
    </View>
  )
}

/** One round: its rules and dates, what to do now, its proposals (or winners), and its public timeline. */
export default function RoundPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const round = useLoaded(() => api.budget.getRound({ id }), id || null)
  const timeline = useLoaded(() => api.budget.roundTimeline({ id }), id || null)
  const r = round.data
  const winnersOnly = !!r && (r.phase === 'implementation' || r.phase === 'done')
  const proposals = usePagedList((cursor) => api.budget.listProposals({ roundId: id, cursor, ...(winnersOnly ? { status: 'eligible' as const } : {}) }), `${id}:${winnersOnly}`, { enabled: !!r && !r.imported })
  usePullDownRefresh(() => {
    void Promise.all([round.reload(), timeline.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (round.data) void Promise.all([round.reload(), proposals.reload(), timeline.reload()])
  })
  const resident = !!r && me?.residency?.status === 'approved' && me.residency.communityId === r.communityId
  const shown = winnersOnly && r?.results ? proposals.items.filter((p) => r.results!.winners.includes(p.id)) : proposals.items

  return (
    <Page>
      <StateView loading={round.loading} error={round.error} onRetry={round.reload} />
      {r ? (
        <>
          <Text className="page-title">{r.name}</Text>
          <PhaseBar phase={r.phase} />
          <View className="gz-card bg-facts">
            <Text>
              总预算 <Text className="bg-money">{yuan(r.budget)}</Text>，单个项目不超过{yuan(r.projectCap)}
            </Text>
            <Text>
              {VOTER_UNIT_LABELS[r.voterUnit]}：{ballotRuleText(r.ballotRule, r.budget)}
            </Text>
            <Text>计票方法：{SELECTION_RULE_LABELS[r.selectionRule]}</Text>
            <Text>
              投票时间：{formatDateTime(r.voteFrom)} 至 {formatDateTime(r.voteTo)}
            </Text>
            {r.description ? <Text className="bg-pre">{r.description}</Text> : null}
          </View>
          <View className="gz-card">
            <NextStep r={r} resident={resident} />
          </View>
          {r.canManage ? (
            <View className="gz-row bg-gap">
              <Button size="large" data-testid="manage-round" onClick={() => go(budgetRoutes.staff(r.id))}>
                管理本轮
              </Button>
              {r.phase === 'collect' || r.phase === 'review' ? (
                <Button size="large" data-testid="review-queue" onClick={() => go(budgetRoutes.review(r.id))}>
                  审核提案
                </Button>
              ) : null}
            </View>
          ) : null}
          {r.imported ? null : (
            <>
              <Text className="gz-section-title">{winnersOnly ? '入选项目的实施' : `提案（${r.phase === 'collect' ? '征集中' : '全部'}）`}</Text>
              <StateView loading={proposals.loading} error={proposals.error} empty={proposals.empty} emptyText="还没有提案，欢迎第一个提出好点子" onRetry={proposals.reload} />
              {shown.map((p) => (
                <ProposalCard key={p.id} p={p} />
              ))}
            </>
          )}
          <Text className="gz-section-title">本轮进程</Text>
          {timeline.data ? <RoundTimeline entries={timeline.data} /> : <StateView loading={timeline.loading} error={timeline.error} onRetry={timeline.reload} />}
        </>
      ) : null}
    </Page>
  )
}
