import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DashboardView, ExportListItem, FigureView, GroupView } from '@shared/contract'
import { formatFigure, monthLabel } from '@shared/dashboard/format'
import { monthOf, PERIOD_LABELS, type PeriodKind } from '@shared/dashboard/periods'
import { formatShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { Choices } from '../../../components/Choices'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { useLoaded } from '../../../hooks/useLoaded'
import { useAction } from '../../../hooks/useAction'
import { api } from '../../../services/api'
import { openFileLink } from '../../../services/files'
import { routes } from '../../../services/routes'
import { Chart } from '../components/Chart'
import '../dashboard.scss'

const STREET = 'street'
const PERIODS = (['month', 'quarter', 'year', 'custom'] as const).map((value) => ({ value, label: PERIOD_LABELS[value] }))
const count = (v: number | null) => formatFigure(v, 'count')

/** 数据看板: a community's figures (staff), or the street's (the admin), over a period, with the lists as Excel. */
export default function DashboardPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'notices')
  const admin = !!scope.me?.admin
  const [place, setPlace] = useState<string | undefined>(params.street ? STREET : params.communityId)
  const [period, setPeriod] = useState<PeriodKind>('month')
  const thisMonth = monthOf(Date.now())
  const [span, setSpan] = useState({ from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth })

  const places = useMemo(() => [...(admin ? [{ value: STREET, label: '全街道' }] : []), ...scope.options.map((c) => ({ value: c.id, label: c.name }))], [admin, scope.options])
  const chosen = places.some((p) => p.value === place) ? place : places[0]?.value
  const input = period === 'custom' ? { period, ...span } : { period }
  const view = useLoaded(
    () => (chosen === STREET ? api.dashboard.street(input) : api.dashboard.community({ communityId: chosen!, ...input })),
    chosen ? `${chosen}|${period}|${span.from}|${span.to}` : null,
  )
  const exportsList = useLoaded(() => api.dashboard.exportList({ communityId: chosen! }), chosen && chosen !== STREET ? chosen : null)
  const names = useMemo(() => new Map(scope.options.map((c) => [c.id, c.name])), [scope.options])

  usePullDownRefresh(() => {
    void Promise.all([scope.reload(), view.reload(), exportsList.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <Page>
      <Text className="page-title">数据看板</Text>
      {scope.signedOut ? <SignInNeeded back={routes.dashboard()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者和街道管理员可以查看数据看板。</Text> : null}
      {chosen ? (
        <>
          {places.length > 1 ? <Choices options={places} value={chosen} onChange={setPlace} /> : <Text className="gz-muted">{places[0]?.label}</Text>}
          <Text className="gz-section-title">统计期间</Text>
          <Choices options={PERIODS} value={period} onChange={setPeriod} />
          {period === 'custom' ? <MonthSpan span={span} onChange={setSpan} /> : null}
          <StateView loading={view.loading} error={view.error} onRetry={() => void view.reload()} />
          {view.data ? <Figures view={view.data} names={names} /> : null}
          {chosen !== STREET ? <Exports communityId={chosen} list={exportsList.data} error={exportsList.error} onRetry={() => void exportsList.reload()} /> : null}
        </>
      ) : null}
    </Page>
  )
}

/** A custom period: a first and a last month, each from the phone's own month picker. */
function MonthSpan({ span, onChange }: { span: { from: string; to: string }; onChange: (s: { from: string; to: string }) => void }) {
  const pick = (which: 'from' | 'to', label: string) => (
    <Picker mode="date" fields="month" value={span[which]} onChange={(e) => onChange({ ...span, [which]: String(e.detail.value).slice(0, 7) })}>
      <View className="gz-choice" role="button" data-testid={`span-${which}`}>
        <Text>
          {label}：{monthLabel(span[which], true)}
        </Text>
      </View>
    </Picker>
  )
  return (
    <View className="db-months">
      {pick('from', '从')}
      {pick('to', '到')}
      {span.from > span.to ? <Text className="gz-text-danger">结束月份不能早于起始月份</Text> : null}
    </View>
  )
}

function Figures({ view, names }: { view: DashboardView; names: Map<string, string> }) {
  const months = view.period.months
  const withYear = months[0].slice(0, 4) !== months[months.length - 1].slice(0, 4)
  const categories = months.map((m) => monthLabel(m, withYear))
  const p = view.participants
  // Every community of the street, those with nothing in the period at 0, then any the list does not know (the street's own notices).
  const quiet = [...names.keys()].filter((id) => !view.communities.some((c) => c.communityId === id)).map((communityId) => ({ communityId, actions: 0, participants: p.unique === null ? null : 0 }))
  const side = [...view.communities, ...quiet].sort((a, b) => (names.has(b.communityId) ? 1 : 0) - (names.has(a.communityId) ? 1 : 0))
  return (
    <View data-testid="dashboard">
      <Text className="gz-muted db-updated" data-testid="dashboard-period">
        {view.period.label}
        {view.foldedUpTo ? `，数据更新至${formatShanghai(view.foldedUpTo)}（每5分钟汇总一次）` : '，数据尚未汇总（每5分钟汇总一次）'}
      </Text>

      <View className="gz-card">
        <Text className="gz-section-title">参与居民</Text>
        <View className="db-figures">
          <Figure figure={{ key: 'unique', label: '参与的居民（去重）', format: 'count', value: p.unique, note: p.note ?? undefined }} />
          <Figure figure={{ key: 'actions', label: '参与次数', format: 'count', value: p.byKind.reduce((s, k) => s + k.actions, 0) }} />
        </View>
        {months.length > 1 ? (
          <Chart
            title="每月参与"
            rowHeading="月份"
            testId="chart-participants-month"
            format={count}
            spec={{ kind: 'line', categories, series: [{ name: '居民（去重）', values: p.byMonth.map((m) => m.unique) }, { name: '参与次数', values: p.byMonth.map((m) => m.actions) }] }}
          />
        ) : null}
        <Chart
          title="按参与方式"
          rowHeading="方式"
          testId="chart-participants-kind"
          format={count}
          spec={{
            kind: 'bar',
            categories: p.byKind.map((k) => k.label),
            series: [{ name: '次数', values: p.byKind.map((k) => k.actions) }, ...(p.unique === null ? [] : [{ name: '居民', values: p.byKind.map((k) => k.unique) }])],
          }}
        />
      </View>

      {view.communityId === null ? (
        <View className="gz-card">
          <Text className="gz-section-title">各社区对比</Text>
          <Chart
            title="各社区参与"
            rowHeading="社区"
            testId="chart-communities"
            format={count}
            spec={{
              kind: 'bar',
              categories: side.map((c) => names.get(c.communityId) ?? '街道'),
              series: [{ name: '参与次数', values: side.map((c) => c.actions) }, ...(p.unique === null ? [] : [{ name: '居民', values: side.map((c) => c.participants) }])],
            }}
          />
        </View>
      ) : null}

      {view.groups.map((g) => (
        <Group key={g.title} group={g} categories={categories} />
      ))}
    </View>
  )
}

function Figure({ figure }: { figure: FigureView }) {
  return (
    <View className="db-figure" data-testid={`figure-${figure.key}`}>
      <Text className="db-figure__value">{formatFigure(figure.value, figure.format)}</Text>
      <Text className="db-figure__label">{figure.label}</Text>
      {figure.note ? <Text className="db-figure__note">{figure.note}</Text> : null}
    </View>
  )
}

/** A module's figures; its trends month by month when the period has more than one month. */
function Group({ group, categories }: { group: GroupView; categories: string[] }) {
  const format = (key: string) => group.figures.find((f) => f.key === key)?.format ?? 'count'
  const percent = group.trends.every((t) => format(t.key) === 'percent')
  return (
    <View className="gz-card" data-testid={`group-${group.title}`}>
      <Text className="gz-section-title">{group.title}</Text>
      <View className="db-figures">
        {group.figures.map((f) => (
          <Figure key={f.key} figure={f} />
        ))}
      </View>
      {group.trends.length && categories.length > 1 ? (
        <Chart
          title={`${group.title}：每月`}
          rowHeading="月份"
          testId={`chart-${group.title}`}
          format={(v) => formatFigure(v, percent ? 'percent' : 'count')}
          spec={{ kind: 'line', categories, series: group.trends.map((t) => ({ name: t.label, values: t.values.map((v) => (percent && v.value !== null ? Math.round(v.value * 1000) / 10 : v.value)) })) }}
        />
      ) : null}
    </View>
  )
}

/** Every list the modules declare, as Excel: built by the function, opened from its temporary link. */
function Exports({ communityId, list, error, onRetry }: { communityId: string; list: ExportListItem[] | null; error: Parameters<typeof StateView>[0]['error']; onRetry: () => void }) {
  const act = useAction()
  const [done, setDone] = useState<Record<string, string>>({})
  const download = async (item: ExportListItem) => {
    const file = await act.run(item.key, async () => {
      const made = await api.dashboard.exportExcel({ communityId, key: item.key })
      await openFileLink(made)
      return made
    })
    if (file) setDone((d) => ({ ...d, [item.key]: `已生成「${file.fileName}」，共${file.rows}行` }))
  }
  return (
    <View className="gz-card" data-testid="exports">
      <Text className="gz-section-title">导出Excel</Text>
      <Text className="gz-muted">每次导出都会记录导出人和内容。含居民个人信息的清单只有本社区的社区工作者可以导出。</Text>
      <StateView loading={!list && !error} error={error} empty={!!list && !list.length} emptyText="没有可以导出的清单" onRetry={onRetry} />
      {list?.map((item) => (
        <View key={item.key} className="db-export" data-testid={`export-${item.key}`}>
          <Text className="db-export__label">
            {item.label}
            {item.personal ? '（含个人信息）' : ''}
          </Text>
          <Button type="primary" size="normal" loading={act.busy === item.key} disabled={!!act.busy && act.busy !== item.key} onClick={() => void download(item)}>
            导出
          </Button>
          {done[item.key] ? (
            <Text className="gz-muted" data-testid={`export-${item.key}-done`}>
              {done[item.key]}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
