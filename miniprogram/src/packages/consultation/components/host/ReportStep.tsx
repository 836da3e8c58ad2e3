import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { consultationReportText, consultationReportTitle, NOTICE_BUTTONS } from '@shared/consultation/announcements'
import { addDays, formatShanghai, parseShanghai } from '@shared/time'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { formatDate, formatDateTime } from '../../../../services/format'
import { routes } from '../../../../services/routes'
import { useLoaded } from '../../../../hooks/useLoaded'
import { DateTimeField } from '../DateTimeField'
import { Milestones } from '../Milestones'
import { NoticePreview } from '../NoticePreview'
import { NumberStepper } from '../NumberStepper'
import { PhotoPicker, PhotoRow } from '../../../../components/Photos'
import { ResultCard } from '../ResultCard'
import { SatisfactionSummary } from '../SatisfactionSummary'
import type { StepFormProps } from './types'
import { TextArea, TextInput } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'
import { useKeptText } from '../../../../hooks/useDraft'

interface MilestoneDraft {
  title: string
  date: string
}

/** Step 6: publish the 结果公示, post progress with photos, mark it done, watch the ratings. */
export function ReportStep({ view: c, act, apply, refresh }: StepFormProps) {
  const [responsible, setResponsible] = useState(c.responsible ?? '')
  const [milestones, setMilestones] = useState<MilestoneDraft[]>([{ title: '', date: formatShanghai(addDays(Date.now(), 30), 'YYYY-MM-DD') }])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [previewing, setPreviewing] = useState(false)
  const [progressText, setProgressText] = useState('')
  const progressDraft = useKeptText(`progress:${c.id}`, progressText, setProgressText, progressText.trim() !== '')
  const [photos, setPhotos] = useState<string[]>([])
  const [milestoneDone, setMilestoneDone] = useState<string>('none')
  const [ratingDays, setRatingDays] = useState(14)
  const progress = useLoaded(() => api.consultation.listProgress({ id: c.id }), `${c.id}:${c.updatedAt}`)
  const active = c.state === 'active'
  const reportId = c.reportNoticeId

  // A milestone is due by the end of its day, Shanghai time.
  const milestoneList = () => milestones.filter((m) => m.title.trim()).map((m) => ({ title: m.title.trim(), due: parseShanghai(`${m.date} 23:59`) }))
  const preview = () => {
    const problems: Record<string, string> = {}
    if (!responsible.trim()) problems.responsible = '请填写责任人或单位'
    if (!milestoneList().length) problems.milestones = '请至少填写1个进度节点'
    setErrors(problems)
    if (!Object.keys(problems).length) setPreviewing(true)
  }
  const publish = async () => {
    const sure = await confirmIrreversible({
      title: '发布结果公示？',
      content: '公示会立即发给全体居民，报名参会和提过意见的居民会收到通知。发布后不能撤回或修改，之后只能追加落实进展。',
      confirmText: '发布',
    })
    if (!sure) return
    const next = await act.run('report', () => api.consultation.publishReport({ id: c.id, responsible: responsible.trim(), milestones: milestoneList() }), {
      success: '结果公示已发布',
      onFields: (f) => {
        setPreviewing(false)
        setErrors(Object.fromEntries(Object.entries(f).map(([k, m]) => [k.split('.')[0], m])))
      },
    })
    if (next) apply(next)
  }
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v)
    // The preview showed the old text.
    setPreviewing(false)
  }
  const addProgress = async () => {
    const done = milestoneDone === 'none' ? undefined : Number(milestoneDone)
    const added = await act.run('progress', (submission) => api.consultation.addProgress({ id: c.id, text: progressText.trim(), photos, milestoneDone: done }, submission), {
      content: [progressText, photos, done],
      success: '进展已更新',
      onFields: (f) => setErrors({ progress: f.text ?? f.photos ?? f.milestoneDone }),
    })
    if (added) {
      progressDraft.clear()
      setProgressText('')
      setPhotos([])
      setMilestoneDone('none')
      await refresh()
    }
  }
  const markImplemented = async () => {
    const next = await act.run('implemented', () => api.consultation.markImplemented({ id: c.id, ratingDays }), { success: '已标记落实' })
    if (next) apply(next)
  }

  return (
    <View className="gz-stack">
      {c.result ? <ResultCard result={c.result} /> : null}
      {!reportId ? (
        <View className="gz-card">
          <Text className="cs-card-title">发布结果公示</Text>
          <Text className="gz-muted cs-gap">公示会写明协商结果、票数、会议纪要、责任人和落实节点，发给全体居民。</Text>
          <Field label="责任人或单位" error={errors.responsible} hint="例如：社区居委会 李书记" name="responsible">
            <TextInput className="gz-input" value={responsible} maxlength={maxLengthOf('consultation', 'publishReport', 'responsible')} placeholder="谁负责落实" onInput={(e) => edit(setResponsible)(e.detail.value)} />
          </Field>
          <Field label="落实节点" error={errors.milestones} hint="每个节点写清做什么、哪天前完成" name="milestones">
            {milestones.map((m, i) => (
              <View key={i} className="cs-milestone">
                <TextInput
                  className="gz-input"
                  value={m.title}
                  maxlength={maxLengthOf('consultation', 'publishReport', 'milestones.title')}
                  placeholder={`节点${i + 1}，例如：签订协议`}
                  onInput={(e) => edit(setMilestones)(milestones.map((x, j) => (j === i ? { ...x, title: e.detail.value } : x)))}
                />
                <DateTimeField
                  label="完成日期"
                  name={`milestone${i}`}
                  date={m.date}
                  start={formatShanghai(Date.now(), 'YYYY-MM-DD')}
                  onDate={(date) => edit(setMilestones)(milestones.map((x, j) => (j === i ? { ...x, date } : x)))}
                />
                {milestones.length > 1 ? (
                  <View className="cs-list-editor__remove" role="button" onClick={() => edit(setMilestones)(milestones.filter((_, j) => j !== i))}>
                    删除这个节点
                  </View>
                ) : null}
              </View>
            ))}
            {milestones.length < 12 ? (
              <View className="cs-list-editor__add" role="button" onClick={() => edit(setMilestones)([...milestones, { title: '', date: milestones[milestones.length - 1].date }])}>
                ＋ 添加节点
              </View>
            ) : null}
          </Field>
          {active && !previewing ? (
            <Button type="primary" block size="large" onClick={preview} data-testid="publish-report">
              预览并发布结果公示
            </Button>
          ) : null}
          {active && previewing && c.result && c.plan ? (
            <NoticePreview
              category="结果公示"
              title={consultationReportTitle(c.topic, c.theme)}
              body={consultationReportText({ topic: c.topic, theme: c.theme, rule: c.plan.rule, result: c.result, minutes: c.minutes, responsible: responsible.trim(), milestones: milestoneList() })}
              button={NOTICE_BUTTONS.report}
              busy={act.busy === 'report'}
              testId="report-preview"
              onPublish={() => void publish()}
              onBack={() => setPreviewing(false)}
            />
          ) : null}
        </View>
      ) : (
        <View className="gz-card gz-stack">
          <Text className="cs-callout cs-callout--ok" data-testid="report-published">
            结果公示已发布
          </Text>
          <View className="cs-link-row" role="button" onClick={() => void Taro.navigateTo({ url: routes.noticeDetail(reportId) })}>
            <Text>查看《结果公示》</Text>
            <Text className="cs-picker__arrow">›</Text>
          </View>
          <Text>责任人：{c.responsible}</Text>
          <Milestones items={c.milestones} />
        </View>
      )}

      {reportId ? (
        <View className="gz-card gz-stack">
          <Text className="cs-card-title">落实进展</Text>
          {(progress.data ?? []).map((p) => (
            <View key={p.id} className="cs-progress">
              <Text className="gz-muted">{formatDateTime(p.at)}</Text>
              <Text>{p.text}</Text>
              <PhotoRow ids={p.photos} />
            </View>
          ))}
          {active ? (
            <>
              <Field label="新的进展" error={errors.progress} name="progress">
                <TextArea className="gz-textarea cs-textarea--short" value={progressText} maxlength={maxLengthOf('consultation', 'addProgress', 'text')} placeholder="例如：协议已签订，下周起开放车位" onInput={(e) => setProgressText(e.detail.value)} />
              </Field>
              <Field label="现场照片（可不加）">
                <PhotoPicker folder="consultation" value={photos} max={9} onChange={setPhotos} />
              </Field>
              {c.milestones.some((m) => !m.done) ? (
                <Field label="这条进展完成了哪个节点？">
                  <Choices
                    layout="rows"
                    options={[{ value: 'none', label: '都没有' }, ...c.milestones.flatMap((m, i) => (m.done ? [] : [{ value: String(i), label: m.title }]))]}
                    value={milestoneDone}
                    onChange={setMilestoneDone}
                  />
                </Field>
              ) : null}
              <Button block size="large" loading={act.busy === 'progress'} onClick={addProgress} data-testid="add-progress">
                发布进展
              </Button>
            </>
          ) : null}
        </View>
      ) : null}

      {reportId ? (
        <View className="gz-card gz-stack">
          <Text className="cs-card-title">满意度</Text>
          {c.implementedAt ? (
            <>
              <Text className="cs-callout cs-callout--ok" data-testid="implemented">
                已于 {formatDate(c.implementedAt)} 标记落实，评价开放到 {formatDate(c.ratingUntil)}
              </Text>
              <SatisfactionSummary view={c} />
            </>
          ) : active ? (
            <>
              <Text className="gz-muted">落实完成后标记，居民就可以评价满意度。</Text>
              <View className="cs-invite-row">
                <Text>评价开放天数</Text>
                <NumberStepper label="评价天数" value={ratingDays} min={1} max={60} onChange={setRatingDays} />
              </View>
              <Button type="primary" block size="large" loading={act.busy === 'implemented'} onClick={markImplemented} data-testid="mark-implemented">
                标记已落实，开启评价
              </Button>
            </>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
