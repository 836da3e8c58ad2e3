import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { OPINION_CATEGORIES, type OpinionCategory } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { Choices } from '../../../components/Choices'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { goBackOrHome } from '../../../services/navigation'
import { PhotoPicker } from '../../../components/Photos'
import '../consultation.scss'

const CATEGORIES = OPINION_CATEGORIES.map((c) => ({ value: c, label: c }))
const TITLE_MAX = maxLengthOf('consultation', 'submitOpinion', 'title')
const DESCRIPTION_MAX = maxLengthOf('consultation', 'submitOpinion', 'description')

/** Write an opinion: for one consultation while it collects, or into the community's pool. */
export default function NewOpinionPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const consultationId = params.consultationId || undefined
  const form = useForm({ title: '', description: '', category: undefined as OpinionCategory | undefined, photos: [] as string[] }, { draft: `opinion:${communityId}:${consultationId ?? 'pool'}` })
  const [sent, setSent] = useState(false)

  const submit = () =>
    form.submit(async (v, submission) => {
      await api.consultation.submitOpinion({ communityId, consultationId, title: v.title, description: v.description, category: v.category as OpinionCategory, photos: v.photos }, submission)
      setSent(true)
      void Taro.showToast({ title: '意见已提交', icon: 'success' })
      setTimeout(() => void goBackOrHome(), 800)
    })

  return (
    <Page>
      <Text className="page-title">提意见</Text>
      <Text className="page-intro">{consultationId ? '您的意见会直接进入这次议事。' : '您的意见会放进社区意见池，大家可以附议。'}说清楚是什么问题、在哪里、希望怎么办。</Text>
      <View className="gz-card">
        <Field label="标题" error={form.errors.title} hint="一句话，2到40个字" name="title">
          <TextInput value={form.values.title} maxlength={TITLE_MAX} placeholder="例如：晚上车位不够" onInput={(e) => form.set('title', e.detail.value)} />
        </Field>
        <Field label="分类" error={form.errors.category} name="category">
          <Choices options={CATEGORIES} value={form.values.category} onChange={(c) => form.set('category', c)} />
        </Field>
        <Field label="具体说说" error={form.errors.description} name="description">
          <TextArea
            value={form.values.description}
            maxlength={DESCRIPTION_MAX}
            placeholder="例如：晚上八点以后很难找到车位，建议错峰共享附近单位车位。"
            onInput={(e) => form.set('description', e.detail.value)}
          />
        </Field>
        <Field label="照片（可不加，最多6张）" error={form.errors.photos} name="photos">
          <PhotoPicker folder="consultation" value={form.values.photos} max={6} onChange={(ids) => form.set('photos', ids)} />
        </Field>
        <Button type="primary" block size="large" loading={form.submitting} disabled={sent} onClick={submit} data-testid="opinion-submit">
          提交意见
        </Button>
      </View>
    </Page>
  )
}
