import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { hasRoleIn } from '../../../services/roles'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { toggleSupport } from '../hooks/useOpinionPool'
import { SupportButton } from '../components/OpinionCard'
import { PhotoRow } from '../../../components/Photos'
import '../consultation.scss'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'

/** One opinion: what it asks, who joined it (附议), and the conversation under it. */
export default function OpinionPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const loaded = useLoaded(() => api.consultation.getOpinion({ id }), id || null)
  const act = useAction()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [tags, setTags] = useState<string | null>(null)
  const [tagError, setTagError] = useState<string | undefined>()
  usePullDownRefresh(() => {
    void loaded.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const data = loaded.data
  const o = data?.opinion
  const inCommunity = !!o && ((me?.residency?.status === 'approved' && me.residency.communityId === o.communityId) || hasRoleIn(me, 'host', o.communityId) || hasRoleIn(me, 'staff', o.communityId))
  const isResident = !!o && me?.residency?.status === 'approved' && me.residency.communityId === o.communityId
  const canTag = !!o && (hasRoleIn(me, 'host', o.communityId) || hasRoleIn(me, 'staff', o.communityId))

  const saveTags = async () => {
    // Typed with spaces or Chinese/English commas between them, as people do.
    const list = (tags ?? data?.opinion.tags.join(' ') ?? '').split(/[\s,，、]+/).filter(Boolean)
    const next = await act.run('tags', () => api.consultation.tagOpinion({ id, tags: list }), { success: '标签已保存', onFields: (f) => setTagError(Object.values(f)[0]) })
    if (next && data) {
      loaded.setData({ ...data, opinion: next })
      setTags(null)
    }
  }

  const send = async () => {
    if (!body.trim()) return setError('请填写评论')
    const added = await act.run('comment', (submission) => api.consultation.comment({ id, body: body.trim() }, submission), { success: '已发表', onFields: (f) => setError(f.body), content: body.trim() })
    if (added && data) {
      loaded.setData({ opinion: { ...data.opinion, commentCount: data.opinion.commentCount + 1 }, comments: [...data.comments, added] })
      setBody('')
    }
  }

  return (
    <Page>
      <Text className="page-title">{o?.title ?? '意见详情'}</Text>
      <StateView loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />
      {o && data ? (
        <>
          <View className="gz-card gz-stack">
            <View className="gz-row">
              <Text className="gz-tag">{o.category}</Text>
              {o.tags.map((t) => (
                <Text key={t} className="gz-tag gz-tag--green">
                  {t}
                </Text>
              ))}
            </View>
            <Text className="gz-muted">
              {o.authorName} · {formatDateTime(o.createdAt)}
            </Text>
            <Text className="cs-pre">{o.description}</Text>
            <PhotoRow ids={o.photos} />
            {o.mergedInto ? (
              <View className="cs-link-row" role="button" onClick={() => void Taro.redirectTo({ url: consultationRoutes.opinion(o.mergedInto as string) })}>
                <Text>这条意见已合并到另一条，去那里附议</Text>
                <Text className="cs-picker__arrow">›</Text>
              </View>
            ) : null}
            {o.consultationId ? (
              <View className="cs-link-row" role="button" onClick={() => void Taro.navigateTo({ url: consultationRoutes.detail(o.consultationId as string) })}>
                <Text>已纳入议事，去看看进展</Text>
                <Text className="cs-picker__arrow">›</Text>
              </View>
            ) : null}
            <View className="gz-row gz-row--between">
              <Text>{o.supportCount} 位居民附议</Text>
              {o.mine ? (
                <Text className="gz-muted" data-testid="own-opinion">
                  这是您提的意见
                </Text>
              ) : (
                <SupportButton
                  opinion={o}
                  busy={act.busy === `support:${o.id}`}
                  disabled={!isResident || !!o.mergedInto}
                  onToggle={async () => {
                    const next = await toggleSupport(act, o)
                    if (next) loaded.setData({ ...data, opinion: next })
                  }}
                />
              )}
            </View>
          </View>
          {canTag ? (
            <View className="gz-card">
              <Field label="标签（主持人和社区工作者可用）" error={tagError} hint="用空格隔开，最多5个，每个不超过10个字" name="tags">
                <TextInput
                  className="gz-input"
                  value={tags ?? o.tags.join(' ')}
                  placeholder="例如：停车 夜间"
                  onInput={(e) => {
                    setTags(e.detail.value)
                    setTagError(undefined)
                  }}
                />
              </Field>
              <Button block size="large" loading={act.busy === 'tags'} onClick={saveTags}>
                保存标签
              </Button>
            </View>
          ) : null}
          <Text className="gz-section-title">评论（{data.comments.length}）</Text>
          <View className="gz-card gz-stack">
            {data.comments.length ? null : <Text className="gz-muted">还没有评论</Text>}
            {data.comments.map((cm) => (
              <View key={cm.id} className="cs-comment">
                <View className="gz-row">
                  <Text className="cs-comment__name">{cm.authorName}</Text>
                  {cm.authorRole !== '居民' ? <Text className="gz-tag gz-tag--primary">{cm.authorRole}</Text> : null}
                  <Text className="gz-muted">{formatDateTime(cm.createdAt)}</Text>
                </View>
                <Text className="cs-pre">{cm.body}</Text>
              </View>
            ))}
          </View>
          {inCommunity ? (
            <View className="gz-card">
              <Field label="我也说两句" error={error} name="body">
                <TextArea
                  className="gz-textarea cs-textarea--short"
                  value={body}
                  maxlength={maxLengthOf('consultation', 'comment', 'body')}
                  placeholder="补充情况、提出建议"
                  onInput={(e) => {
                    setBody(e.detail.value)
                    setError(undefined)
                  }}
                />
              </Field>
              <Button type="primary" block size="large" loading={act.busy === 'comment'} onClick={send} data-testid="send-comment">
                发表评论
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </Page>
  )
}
