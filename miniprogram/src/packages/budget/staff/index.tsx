import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FileLink, RoundView } from '@shared/contract'
import { ballotProblem, yuan } from '@shared/budget/ballot'
import { nextPhase, phaseName } from '@shared/budget/phases'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { api } from '../../../services/api'
import { toApiCallError } from '../../../services/errors'
import { openFileLink } from '../../../services/files'
import { formatDateTime } from '../../../services/format'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { PhaseBar } from '../components/PhaseBar'
import { budgetRoutes } from '../routes'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../budget.scss'

const NEXT_WORDS: Record<string, string> = {
  review: '结束征集，开始审核',
  voting: '开始投票（候选项目就此固定）',
  results: '截止投票',
  implementation: '开始实施',
  done: '本轮完成',
}

/** Paper ballots: staff enter an elder's paper ballot with the reason; a second staff member countersigns it. */
function PaperBallots({ r }: { r: RoundView }) {
  const act = useAction()
  const list = useLoaded(() => api.budget.listPaperBallots({ id: r.id }), r.id)
  const [who, setWho] = useState({ building: '', unit: '', name: '' })
  const [reason, setReason] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [receipt, setReceipt] = useState<string | null>(null)
  const problem = ballotProblem(r.ballotRule, r.budget, r.ballotProjects, chosen)
  const enter = async () => {
    const input = { id: r.id, projects: chosen, reason, ...who }
    if (await act.run('enter', (submission) => api.budget.enterPaperBallot(input, submission), { success: '已录入，待复核', onFields: setErrors, content: input })) {
      setWho({ building: '', unit: '', name: '' })
      setChosen([])
      setReason('')
      void list.reload()
    }
  }
  const countersign = async (paperId: string, label: string) => {
    const { confirm } = await Taro.showModal({ title: '复核纸质选票', content: `已核对「${label}」的纸质选票与录入一致？复核后计入，不能撤销。`, confirmText: '复核计入', cancelText: '再核对' })
    if (!confirm) return
    const done = await act.run(`sign:${paperId}`, () => api.budget.countersignPaperBallot({ id: r.id, paperId }), { success: '已计入' })
    if (done) {
      setReceipt(done.receipt)
      void list.reload()
    }
  }
  const title = (pid: string) => r.ballotProjects.find((p) => p.id === pid)?.title ?? pid
  return (
    <View className="gz-card gz-stack" data-testid="paper-ballots">
      <Text className="gz-section-title">纸质选票（为不会用手机的居民）</Text>
      <Field label="楼栋" error={errors.building} name="building">
        <TextInput className="gz-input" value={who.building} maxlength={maxLengthOf('budget', 'enterPaperBallot', 'building')} placeholder="例如：9号楼" onInput={(e) => setWho({ ...who, building: e.detail.value })} />
      </Field>
      <Field label="单元/门牌" error={errors.unit} name="unit">
        <TextInput className="gz-input" value={who.unit} maxlength={maxLengthOf('budget', 'enterPaperBallot', 'unit')} placeholder="例如：1单元101" onInput={(e) => setWho({ ...who, unit: e.detail.value })} />
      </Field>
      <Field label="投票人姓名" error={errors.name} name="name">
        <TextInput className="gz-input" value={who.name} maxlength={maxLengthOf('budget', 'enterPaperBallot', 'name')} placeholder="例如：王奶奶" onInput={(e) => setWho({ ...who, name: e.detail.value })} />
      </Field>
      <Field label="纸质选票上选的项目" error={errors.projects} name="projects">
        {r.ballotProjects.map((p) => (
          <View
            key={p.id}
            className={`gz-choice${chosen.includes(p.id) ? ' gz-choice--on' : ''}`}
            role="checkbox"
            aria-checked={chosen.includes(p.id)}
            onClick={() => setChosen((c) => (c.includes(p.id) ? c.filter((x) => x !== p.id) : [...c, p.id]))}
          >
            {chosen.includes(p.id) ? '✓ ' : ''}
            {p.title}（{yuan(p.cost)}）
          </View>
        ))}
      </Field>
      <Field label="代录原因" error={errors.reason} hint="例如：独居老人不会用手机，上门收取" name="reason">
        <TextInput className="gz-input" value={reason} maxlength={maxLengthOf('budget', 'enterPaperBallot', 'reason')} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      {chosen.length && problem ? <Text className="gz-text-danger">{problem}</Text> : null}
      <Button type="primary" block size="large" loading={act.busy === 'enter'} disabled={!!problem} data-testid="enter-paper" onClick={() => void enter()}>
        录入（需另一位工作人员复核）
      </Button>
      {receipt ? (
        <View className="gz-card">
          <Text>已计入。请把回执码写在纸质选票的存根上交给投票人：</Text>
          <Text className="bg-receipt">{receipt}</Text>
        </View>
      ) : null}
      {(list.data ?? []).map((p) => (
        <View key={p.id} className="gz-stack bg-story">
          <Text>
            {p.voterLabel} · {p.status === 'pending' ? '待复核' : `已复核（${p.countersignedByName}）`}
          </Text>
          <Text className="gz-muted">
            录入：{p.enteredByName} · {p.reason}
          </Text>
          {p.projects ? <Text>选了：{p.projects.map(title).join('、')}</Text> : null}
          {p.status === 'pending' ? (
            <Button size="large" loading={act.busy === `sign:${p.id}`} data-testid="countersign" onClick={() => void countersign(p.id, p.voterLabel)}>
              复核计入
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}

/**
 * Exports the round as an Excel workbook (opened or downloaded from the function's temporary link) or the anonymous
 * ballots (.pb) to the clipboard, or imports a .pb as a closed test round.
 */
function Files({ r }: { r: RoundView }) {
  const act = useAction()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [excel, setExcel] = useState<{ file?: FileLink; error?: string }>({})
  const exportExcel = async () => {
    setExcel({})
    await act.run('excel', async () => {
      let file: FileLink | undefined
      try {
        file = await api.budget.exportExcel({ id: r.id })
        await openFileLink(file)
        setExcel({ file })
      } catch (e) {
        setExcel({ file, error: toApiCallError(e).message })
        throw e
      }
    })
  }
  const exportPb = async () => {
    const file = await act.run('export', () => api.budget.exportPb({ id: r.id }))
    if (file) await Taro.setClipboardData({ data: file.text })
  }
  const importPb = async () => {
    const round = await act.run('import', (submission) => api.budget.importPb({ communityId: r.communityId, name: `导入测试：${new Date().toISOString().slice(0, 10)}`, text }, submission), { onFields: (f) => setError(Object.values(f)[0]), content: text })
    if (round) void Taro.navigateTo({ url: budgetRoutes.round(round.id) })
  }
  return (
    <View className="gz-card gz-stack">
      <Text className="gz-section-title">导出与复算</Text>
      {r.results && !r.imported ? (
        <>
          <Button type="primary" block size="large" loading={act.busy === 'excel'} disabled={!!act.busy && act.busy !== 'excel'} data-testid="export-excel" onClick={() => void exportExcel()}>
            {act.busy === 'excel' ? '正在生成Excel…' : '导出Excel（项目、匿名选票、结果）'}
          </Button>
          {excel.error ? (
            <Text className="gz-text-danger" data-testid="export-excel-error">
              {excel.error}
            </Text>
          ) : excel.file ? (
            <Text className="gz-muted" data-testid="export-excel-done">
              已生成「{excel.file.fileName}」。
            </Text>
          ) : null}
          <Button block size="large" loading={act.busy === 'export'} data-testid="export-pb" onClick={() => void exportPb()}>
            复制匿名选票（.pb 文件内容）
          </Button>
        </>
      ) : (
        <Text className="gz-muted">计票公示后可以导出Excel和全部匿名选票。</Text>
      )}
      <Text className="gz-muted">.pb 文件可用 equalshares.net 或 npm run pb:tally 复算。</Text>
      <Field label="导入 .pb 文件为测试轮次（粘贴文件内容）" error={error} name="text">
        <TextArea className="gz-textarea bg-textarea--tall" value={text} placeholder="META&#10;key;value&#10;…" onInput={(e) => setText(e.detail.value)} />
      </Field>
      <Button block size="large" loading={act.busy === 'import'} disabled={!text.trim()} onClick={() => void importPb()}>
        导入并计票
      </Button>
    </View>
  )
}

/** The staff console for one round: move it on (with confirmation), paper ballots, count and publish, export. */
export default function StaffPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const round = useLoaded(() => api.budget.getRound({ id }), id || null)
  const act = useAction()
  usePullDownRefresh(() => {
    void round.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const r = round.data
  const next = r ? nextPhase(r.phase) : null

  const advance = async () => {
    if (!r || !next) return
    const { confirm } = await Taro.showModal({ title: NEXT_WORDS[next], content: `本轮将从「${phaseName(r.phase)}」进入「${phaseName(next)}」，这一步不能退回。`, confirmText: '确定', cancelText: '再想想' })
    if (!confirm) return
    const moved = await act.run('advance', () => api.budget.advanceRound({ id, fromPhase: r.phase }), { success: '已进入下一阶段' })
    if (moved) round.setData(moved)
  }
  const publish = async () => {
    const { confirm } = await Taro.showModal({ title: '计票并公示', content: '将统计全部选票，按两种方法计算结果，发布结果公示并通知投票人。', confirmText: '公示', cancelText: '再想想' })
    if (!confirm) return
    const done = await act.run('publish', () => api.budget.publishResults({ id }), { success: '结果已公示' })
    if (done) round.setData(done)
  }

  return (
    <Page>
      <StateView loading={round.loading} error={round.error} onRetry={round.reload} />
      {r ? (
        <>
          <Text className="page-title">管理：{r.name}</Text>
          <PhaseBar phase={r.phase} />
          <View className="gz-card gz-stack">
            {r.phase === 'voting' ? <Text className="bg-big">已投票 {r.turnout}</Text> : null}
            {r.phase === 'collect' || r.phase === 'review' ? (
              <View className="gz-row">
                <Button size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.edit(r.id) })}>
                  修改设置
                </Button>
                <Button size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.review(r.id) })}>
                  审核提案
                </Button>
                <Button size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.submit(r.id) })}>
                  代办提案
                </Button>
              </View>
            ) : null}
            {r.phase === 'results' && !r.results ? (
              <>
                <Text className="gz-muted">为确保每张选票都已入账，{formatDateTime(r.countableAt)}之后可以计票（系统也会自动计票）。</Text>
                <Button type="primary" block size="large" loading={act.busy === 'publish'} data-testid="publish-results" onClick={() => void publish()}>
                  计票并发布结果公示
                </Button>
              </>
            ) : null}
            {next && !(r.phase === 'results' && !r.results) && !r.imported ? (
              <Button type={r.phase === 'voting' ? 'default' : 'primary'} block size="large" loading={act.busy === 'advance'} data-testid="advance-round" onClick={() => void advance()}>
                {NEXT_WORDS[next]}
              </Button>
            ) : null}
            {r.results ? (
              <Button block size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.results(r.id) })}>
                查看结果
              </Button>
            ) : null}
          </View>
          {r.phase === 'voting' ? <PaperBallots r={r} /> : null}
          <Files r={r} />
        </>
      ) : null}
    </Page>
  )
}
