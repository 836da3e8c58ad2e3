import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../components/Picture'
import { Button } from '@nutui/nutui-react-taro'
import { SwitchMark } from '../../../components/SwitchMark'
import type { NoticeScope, NoticeView } from '@shared/contract'
import { NOTICE_CATEGORIES } from '@shared/modules'
import { formatShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { goBackOrHome } from '../../../services/navigation'
import { Choices } from '../../../components/Choices'
import { DateTimeField } from '../../../components/DateTimeField'
import { StateView } from '../../../components/StateView'
import { useForm } from '../../../hooks/useForm'
import { useFileUrls } from '../../../hooks/useFileUrls'
import { useMe } from '../../../hooks/useMe'
import { useCommunities } from '../../../hooks/useCommunities'
import { ApiCallError, reportError, toApiCallError } from '../../../services/errors'
import { emptyNoticeForm, formFromNotice, loadManagedNotice, saveNotice, unpublishNotice, type NoticeForm, type PublishMode } from '../../../services/noticeEditing'
import { uploadFile } from '../../../services/files'
import { pickImage } from '../../../services/profile'
import { formatDateTime, NOTICE_STATUS_LABELS } from '../../../services/format'

const CATEGORY_OPTIONS = NOTICE_CATEGORIES.map((c) => ({ value: c, label: c }))
const MODE_OPTIONS: { value: PublishMode; label: string }[] = [
  { value: 'now', label: '立即发布' },
  { value: 'later', label: '定时发布' },
  { value: 'draft', label: '先存为草稿' },
]
const MAX_IMAGES = 9

function ImageList({ fileIds, onRemove }: { fileIds: string[]; onRemove: (i: number) => void }) {
  const urls = useFileUrls(fileIds)
  return (
    <View className="gz-row notice-images">
      {fileIds.map((id, i) => (
        <View key={id} className="notice-images__item">
          {urls?.[i] ? <Picture className="notice-images__img" src={urls[i]} mode="aspectFill" alt={`第${i + 1}张图片`} /> : <View className="notice-images__img" />}
          <Text className="gz-link" role="button" aria-label={`删除第${i + 1}张图片`} onClick={() => onRemove(i)}>
            删除
          </Text>
        </View>
      ))}
    </View>
  )
}

export default function NoticeEditPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const { me } = useMe()
  const communityName = useCommunities().list.find((c) => c.id === communityId)?.name
  const [notice, setNotice] = useState<NoticeView | null>(null)
  const [loading, setLoading] = useState(!!params.id)
  const [loadError, setLoadError] = useState<ApiCallError | null>(null)
  const [uploading, setUploading] = useState(false)
  const form = useForm<NoticeForm>(emptyNoticeForm(params.scope === 'street' ? 'street' : 'community'))
  const v = form.values

  const load = async () => {
    if (!params.id) return
    setLoading(true)
    setLoadError(null)
    try {
      const found = await loadManagedNotice(params.id)
      setNotice(found)
      form.setValues(formFromNotice(found))
    } catch (e) {
      setLoadError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.id])

  const live = notice?.status === 'published'
  // Only the street admin may write to the whole street, and only when creating: a notice keeps its scope.
  const scopeOptions: { value: NoticeScope; label: string }[] = [
    { value: 'community', label: communityName ? `本社区（${communityName}）` : '本社区' },
    { value: 'street', label: '全街道' },
  ]
  const choosesScope = !notice && !!me?.admin
  const today = formatShanghai(Date.now(), 'YYYY-MM-DD')

  const addImage = async () => {
    const path = await pickImage()
    if (!path) return
    setUploading(true)
    try {
      const id = await uploadFile(path, 'notices')
      form.set('images', [...v.images, id])
    } catch (e) {
      reportError(e)
    } finally {
      setUploading(false)
    }
  }

  const save = () =>
    form.submit(async (values, submission) => {
      const saved = await saveNotice(communityId, notice, values, setNotice, submission)
      setNotice(saved)
      const done = saved.status === 'scheduled' ? `将于 ${formatDateTime(saved.publishAt)} 发布` : saved.status === 'published' ? '已发布' : '已保存'
      void Taro.showToast({ title: done, icon: 'none' })
      setTimeout(() => void goBackOrHome(), 800)
    })

  const unpublish = async () => {
    const sure = await Taro.showModal({ title: '撤回公告', content: '撤回后居民将看不到这条公告。', confirmText: '撤回', cancelText: '取消' })
    if (!sure.confirm || !notice) return
    try {
      setNotice(await unpublishNotice(notice.id))
      void Taro.showToast({ title: '已撤回', icon: 'none' })
    } catch (e) {
      reportError(e)
    }
  }

  if (params.id && (loading || loadError)) {
    return (
      <Page>
        <Text className="page-title">编辑公告</Text>
        <StateView loading={loading} error={loadError} onRetry={load} />
      </Page>
    )
  }

  return (
    <Page>
      <Text className="page-title">{notice ? '编辑公告' : '新建公告'}</Text>
      {notice ? (
        <View className="gz-card gz-row notice-edit__state">
          <Text className="gz-tag gz-tag--orange">{NOTICE_STATUS_LABELS[notice.status]}</Text>
          {notice.scope === 'street' ? <Text className="gz-tag">全街道</Text> : null}
          <Text>已读 {notice.readCount} 人</Text>
          {notice.status === 'scheduled' ? <Text className="gz-muted">将于 {formatDateTime(notice.publishAt)} 发布</Text> : null}
        </View>
      ) : null}
      <View className="gz-card notice-form">
        {choosesScope ? (
          <Field label="发布范围" error={form.errors.scope} hint={v.scope === 'street' ? '街道内每个社区的居民都能看到' : undefined} name="scope">
            <Choices options={scopeOptions} value={v.scope} onChange={(sc) => form.set('scope', sc)} />
          </Field>
        ) : null}
        <Field label="分类" error={form.errors.category} name="category">
          <Choices options={CATEGORY_OPTIONS} value={v.category} onChange={(c) => form.set('category', c)} />
        </Field>
        <Field label="标题" error={form.errors.title} hint="2到60个字" name="title">
          <TextInput value={v.title} placeholder="例如：本周六停水通知" maxlength={maxLengthOf('notice', 'create', 'title')} onInput={(e) => form.set('title', e.detail.value)} />
        </Field>
        <Field label="正文" error={form.errors.body} name="body">
          <TextArea value={v.body} placeholder="写清楚时间、地点、要做什么" maxlength={maxLengthOf('notice', 'create', 'body')} onInput={(e) => form.set('body', e.detail.value)} />
        </Field>
        <Field label="图片" error={form.errors.images} hint={`最多${MAX_IMAGES}张`} name="images">
          <ImageList fileIds={v.images} onRemove={(i) => form.set('images', v.images.filter((_, k) => k !== i))} />
          {v.images.length < MAX_IMAGES ? (
            <Button loading={uploading} onClick={addImage}>
              添加图片
            </Button>
          ) : null}
        </Field>
        <View className="gz-menu__item gz-menu__item--static notice-form__pin" role="switch" aria-checked={v.pinned} onClick={() => form.set('pinned', !v.pinned)}>
          <Text className="gz-menu__label">置顶显示</Text>
          <SwitchMark on={v.pinned} />
        </View>
        <Field label="截止时间（可不填）" error={form.errors.expireAt} hint="过了截止时间，公告自动下架" name="expireAt">
          <DateTimeField value={{ date: v.expireDate, time: v.expireTime }} start={today} onChange={(d) => form.setValues((f) => ({ ...f, expireDate: d.date, expireTime: d.time }))} />
          {v.expireDate ? (
            <Text className="gz-link" role="button" onClick={() => form.setValues((f) => ({ ...f, expireDate: '', expireTime: '' }))}>
              不设截止时间
            </Text>
          ) : null}
        </Field>
        {live ? null : (
          <Field label="发布方式" error={form.errors.publishAt} name="publishAt">
            <Choices options={MODE_OPTIONS} value={v.mode} onChange={(m) => form.set('mode', m)} />
            {v.mode === 'later' ? <Text className="gz-field__label notice-form__when">发布时间（北京时间）</Text> : null}
            {v.mode === 'later' ? (
              <DateTimeField value={{ date: v.publishDate, time: v.publishTime }} start={today} onChange={(d) => form.setValues((f) => ({ ...f, publishDate: d.date, publishTime: d.time }))} />
            ) : null}
          </Field>
        )}
        <Button type="primary" size="large" block loading={form.submitting} onClick={save} className="notice-form__save">
          {live ? '保存修改' : v.mode === 'now' ? '保存并发布' : v.mode === 'later' ? '保存并定时发布' : '保存草稿'}
        </Button>
      </View>
      {notice && (notice.status === 'published' || notice.status === 'scheduled') ? (
        <Button size="large" block onClick={unpublish}>
          撤回公告
        </Button>
      ) : null}
    </Page>
  )
}
