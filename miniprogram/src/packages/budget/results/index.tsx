import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoundView } from '@shared/contract'
import { yuan } from '@shared/budget/ballot'
import { greedyDifference, mesWinnerStory, money, percent, SELECTION_RULE_LABELS, shareStory, TIE_BREAKS, type RoundResults } from '@shared/budget/results'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { useLoaded } from '../../../hooks/useLoaded'
import { keptReceipt } from '../receipts'
import { budgetRoutes } from '../routes'
import '../budget.scss'

/** Every project with its votes, and whether each rule picked it: the two rules side by side. */
function SideBySide({ results }: { results: RoundResults }) {
  const mes = new Set(results.mes.winners)
  const greedy = new Set(results.greedy.winners)
  const rows = [...results.projects].sort((a, b) => b.votes - a.votes)
  return (
    <View className="gz-card" data-testid="side-by-side">
      <View className="bg-table__row bg-table__head">
        <Text className="bg-table__name">项目（票数）</Text>
        <Text className="bg-table__cell">等额分配</Text>
        <Text className="bg-table__cell">按得票</Text>
      </View>
      {rows.map((p) => (
        <View key={p.id} className="bg-table__row">
          <Text className={`bg-table__name${results.winners.includes(p.id) ? ' bg-won' : ''}`}>
            {p.title}（{p.votes}票，{yuan(p.cost)}）
          </Text>
          <Text className="bg-table__cell">{mes.has(p.id) ? '✓入选' : '—'}</Text>
          <Text className="bg-table__cell">{greedy.has(p.id) ? '✓入选' : '—'}</Text>
        </View>
      ))}
      <View className="bg-table__row">
        <Text className="bg-table__name">花掉的预算</Text>
        <Text className="bg-table__cell">{yuan(results.mes.spent)}</Text>
        <Text className="bg-table__cell">{yuan(results.greedy.spent)}</Text>
      </View>
      <View className="bg-table__row">
        <Text className="bg-table__name">至少有一个支持的项目入选的投票人</Text>
        <Text className="bg-table__cell">{percent(results.mes.satisfied)}</Text>
        <Text className="bg-table__cell">{percent(results.greedy.satisfied)}</Text>
      </View>
    </View>
  )
}

/** "你的份额去了哪里": the voter's ballot, found by the receipt kept on this phone, through the MES purchases. */
function MyShare({ r, results }: { r: RoundView; results: RoundResults }) {
  const kept = keptReceipt(r.id)
  const [ballot, setBallot] = useState<string[] | null>(kept?.cast ? kept.projects : null)
  useEffect(() => {
    if (!kept?.cast) return
    // The published ballot is what was counted; the copy on the phone is only what was sent.
    api.budget
      .findBallot({ id: r.id, receipt: kept.receipt })
      .then((b) => setBallot(b.projects))
      .catch(() => undefined)
  }, [r.id, kept?.cast, kept?.receipt])
  if (!ballot) {
    return (
      <View className="gz-card">
        <Text className="gz-muted">这台手机上没有您本轮的投票回执。有回执码的话，可以在“我的投票回执”里查找。</Text>
        <Text className="gz-link" role="link" onClick={() => void Taro.navigateTo({ url: budgetRoutes.receipt(r.id) })}>
          去输入回执码 ›
        </Text>
      </View>
    )
  }
  const story = shareStory(results, ballot)
  const whose = r.voterUnit === 'household' ? '您家' : '您'
  return (
    <View className="gz-card gz-stack" data-testid="my-share">
      <Text className="bg-big">
        {whose}的份额：{money(story.share)}
      </Text>
      {story.paid.length ? (
        story.paid.map((p) => (
          <Text key={p.project} className="bg-story">
            {money(p.amount)} 用在了「{p.title}」上
          </Text>
        ))
      ) : (
        <Text className="bg-story">{whose}支持的项目都没能凑够费用，这份钱没有花出去。</Text>
      )}
      {story.paid.length && story.left > 0.005 ? <Text className="bg-story">还剩 {money(story.left)}：{whose}支持的其他项目，支持者的钱合起来不够它的费用。</Text> : null}
    </View>
  )
}

/**
 * The results in plain words: the winners under the round's rule, both rules side by side, why each MES winner won
 * (whose shares paid for it), how greedy would differ, where the voter's own share went, and how ties were broken.
 */
export default function ResultsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const round = useLoaded(() => api.budget.getRound({ id }), id || null)
  usePullDownRefresh(() => {
    void round.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const r = round.data
  const results = r?.results ?? null
  const title = (pid: string) => results?.projects.find((p) => p.id === pid)?.title ?? pid
  const differences = results ? greedyDifference(results) : []

  return (
    <Page>
      <StateView loading={round.loading} error={round.error} onRetry={round.reload} empty={!!r && !results} emptyText="结果还没有公示，投票截止后约1分钟计票" />
      {r && results ? (
        <>
          <Text className="page-title">{r.name}：结果</Text>
          <View className="gz-card gz-stack" data-testid="winners">
            <Text className="gz-muted">
              共{results.voters}张选票（纸质{results.paperBallots}张），{formatDateTime(results.closedAt)}截止。本轮按「{SELECTION_RULE_LABELS[r.selectionRule]}」决定：
            </Text>
            {results.winners.map((pid) => (
              <Text key={pid} className="bg-big bg-won">
                ✓ {title(pid)}
              </Text>
            ))}
            {results.winners.length ? null : <Text className="bg-big">没有项目入选</Text>}
          </View>

          <Text className="gz-section-title">两种计票方法对比</Text>
          <SideBySide results={results} />

          <Text className="gz-section-title">等额分配法是怎么选的</Text>
          <View className="gz-card" data-testid="mes-explanation">
            <Text className="bg-story">
              把总预算{yuan(results.budget)}平分给每一张选票，每份{money(results.mes.share)}
              {results.mes.runs > 1 ? '（为了把钱尽量用完，每份按整数元往上加过，直到再加就会超出预算）' : ''}。每个项目只能用投它的人手里的份额来买；一轮一轮地，先买“每人出钱最少就能买下”的项目。
            </Text>
            {results.mes.purchases.map((p) => (
              <Text key={p.project} className="bg-story">
                {mesWinnerStory(results, p)}
              </Text>
            ))}
          </View>

          <Text className="gz-section-title">按得票多少会有什么不同</Text>
          <View className="gz-card" data-testid="greedy-difference">
            <Text className="bg-story">按得票多少：从票最多的项目开始，预算还够就选上，不够就跳过。</Text>
            {differences.length ? (
              differences.map((line) => (
                <Text key={line} className="bg-story">
                  {line}
                </Text>
              ))
            ) : (
              <Text className="bg-story">这一轮两种方法选出的项目一样。</Text>
            )}
          </View>

          <Text className="gz-section-title">你的份额去了哪里</Text>
          <MyShare r={r} results={results} />

          <Text className="gz-section-title">同票怎么办</Text>
          <View className="gz-card">
            <Text className="bg-story">等额分配法：{TIE_BREAKS.mes}</Text>
            <Text className="bg-story">按得票多少：{TIE_BREAKS.greedy}</Text>
            <Text className="gz-muted">全部匿名选票可以导出（pabulib .pb 格式），任何人都能用同样的方法复算。</Text>
          </View>
        </>
      ) : null}
    </Page>
  )
}
