import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../components/Picture'
import { Button } from '@nutui/nutui-react-taro'
import type { BallotProjectView, RoundView } from '@shared/contract'
import { ADVISED_CHOICES, ballotProblem, ballotRuleText, chosenCost, yuan } from '@shared/budget/ballot'
import { BALLOT_TEMPLATE_KEYS } from '@shared/budget/notifications'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useFileUrls } from '../../../hooks/useFileUrls'
import { api } from '../../../services/api'
import { goBackOrHome } from '../../../services/navigation'
import { reportError } from '../../../services/errors'
import { askToSubscribe, preloadTemplates } from '../../../services/subscriptions'
import { useLoaded } from '../../../hooks/useLoaded'
import { Progress } from '../components/Progress'
import { keepReceipt, receiptFor } from '../receipts'
import { budgetRoutes } from '../routes'
import '../budget.scss'

function ProjectChoice({ p, on, onToggle }: { p: BallotProjectView; on: boolean; onToggle: () => void }) {
  const urls = useFileUrls(p.photos.slice(0, 1))
  return (
    <View className={`bg-choice${on ? ' bg-choice--on' : ''}`} role="checkbox" aria-checked={on} data-testid="ballot-choice" onClick={onToggle}>
      <View className="bg-choice__head">
        <View className="bg-choice__box">{on ? '✓' : ''}</View>
        <View>
          <Text className="bg-card__title">{p.title}</Text>
          <Text className="bg-money">{yuan(p.cost)}</Text>
        </View>
      </View>
      <Text className="gz-muted">
        {p.category} · {p.location}
      </Text>
      <Text className="bg-pre">{p.description}</Text>
      {urls?.[0] ? <Picture className="bg-choice__photo" src={urls[0]} mode="aspectFill" alt={`${p.title}的照片`} /> : null}
    </View>
  )
}

/** The running state under the cards: the budget bar (knapsack) or the number chosen (approval), and the advice. */
function Tally({ r, chosen }: { r: RoundView; chosen: string[] }) {
  const total = chosenCost(r.ballotProjects, chosen)
  const rule = r.ballotRule
  return (
    <View>
      {rule.kind === 'knapsack' ? (
        <Progress value={total} max={r.budget} over={total > r.budget} label={`已选 ${yuan(total)} / 预算 ${yuan(r.budget)}${total > r.budget ? '，超出了预算' : ''}`} />
      ) : (
        <Text className="bg-big" data-testid="chosen-count">
          已选 {chosen.length} / 最多 {rule.maxChoices} 项
        </Text>
      )}
      {chosen.length < ADVISED_CHOICES && r.ballotProjects.length >= ADVISED_CHOICES ? <Text className="bg-advice">建议至少选{ADVISED_CHOICES}项：您支持的项目越多，您的那份预算越能用上。</Text> : null}
    </View>
  )
}

/**
 * The ballot: each project as a large card; choose, see the running total or count, then confirm on a second screen.
 * A submitted ballot is final. The receipt is made and kept on this phone before sending.
 */
export default function BallotPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const round = useLoaded(() => api.budget.getRound({ id }), id || null)
  const [chosen, setChosen] = useState<string[]>([])
  const [confirming, setConfirming] = useState(false)
  const [sending, setSending] = useState(false)
  const r = round.data
  useEffect(() => {
    void preloadTemplates()
  }, [])

  const toggle = (pid: string) => setChosen((c) => (c.includes(pid) ? c.filter((x) => x !== pid) : [...c, pid]))
  const problem = r ? ballotProblem(r.ballotRule, r.budget, r.ballotProjects, chosen) : null

  const submit = async () => {
    // WeChat asks for the result reminder only from the tap itself.
    void askToSubscribe(BALLOT_TEMPLATE_KEYS)
    setSending(true)
    try {
      const receipt = receiptFor(id, chosen)
      const cast = await api.budget.castBallot({ id, projects: chosen, receipt })
      keepReceipt(id, cast.receipt, cast.projects)
      void Taro.redirectTo({ url: budgetRoutes.receipt(id) })
    } catch (e) {
      reportError(e)
    } finally {
      setSending(false)
    }
  }

  if (!r) {
    return (
      <Page>
        <StateView loading={round.loading} error={round.error} onRetry={round.reload} />
      </Page>
    )
  }
  if (r.me.cannotVote) {
    return (
      <Page>
        <Text className="page-title">{r.name}</Text>
        <View className="gz-card">
          <Text className="bg-big" data-testid="cannot-vote">
            {r.me.cannotVote}
          </Text>
        </View>
        <Button block size="large" onClick={() => void goBackOrHome()}>
          返回
        </Button>
      </Page>
    )
  }
  if (confirming) {
    const picked = r.ballotProjects.filter((p) => chosen.includes(p.id))
    return (
      <Page>
        <Text className="page-title">请确认您的选票</Text>
        <View className="gz-card gz-stack" data-testid="confirm-ballot">
          {picked.map((p) => (
            <View key={p.id} className="gz-row gz-row--between">
              <Text className="bg-card__title">✓ {p.title}</Text>
              <Text className="bg-money">{yuan(p.cost)}</Text>
            </View>
          ))}
          <Text className="bg-big">
            共{picked.length}项，合计{yuan(chosenCost(r.ballotProjects, chosen))}
          </Text>
          <Text className="bg-advice">选票提交后不能更改。{r.voterUnit === 'household' ? '本轮一户一票，您投了家里其他人就不能再投。' : ''}</Text>
        </View>
        <View className="gz-stack">
          <Button type="primary" block size="large" loading={sending} data-testid="cast-ballot" onClick={() => void submit()}>
            确认提交
          </Button>
          <Button block size="large" disabled={sending} onClick={() => setConfirming(false)}>
            返回修改
          </Button>
        </View>
      </Page>
    )
  }
  return (
    <Page>
      <Text className="page-title">{r.name}</Text>
      <Text className="page-intro">{ballotRuleText(r.ballotRule, r.budget)}。点卡片选择，再点一次取消。</Text>
      {r.ballotProjects.map((p) => (
        <ProjectChoice key={p.id} p={p} on={chosen.includes(p.id)} onToggle={() => toggle(p.id)} />
      ))}
      <View className="bg-sticky">
        <Tally r={r} chosen={chosen} />
        {problem && chosen.length ? <Text className="gz-text-danger">{problem}</Text> : null}
        <Button type="primary" block size="large" disabled={!!problem} data-testid="next-confirm" onClick={() => setConfirming(true)}>
          下一步：确认选票
        </Button>
      </View>
    </Page>
  )
}
