import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DAY_MS, parseShanghai, shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { Choices } from '../../../components/Choices'
import { useCommunities } from '../../../hooks/useCommunities'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { categoriesOf } from '../community'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../wish.scss'

/**
 * Make a wish (a resident, for review), or, with `proxy=1`, staff's 代办 form for a resident without an account:
 * their name, building, door and phone, published at once.
 */
export default function NewWishPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const proxy = params.proxy === '1'
  const communities = useCommunities()
  const categories = categoriesOf(communities.list, communityId).map((c) => ({ value: c, label: c }))
  const form = useForm({ name: '', building: '', address: '', phone: '', title: '', description: '', category: undefined as string | undefined, value: '', deadline: shanghaiDate(Date.now() + 14 * DAY_MS) }, { draft: proxy ? undefined : `wish:${communityId}` })
  const [sent, setSent] = useState(false)
  const v = form.values

  const submit = () =>
    form.submit(async (values, submission) => {
      const common = {
        communityId,
        name: values.name,
        phone: values.phone,
        title: values.title,
        description: values.description,
        category: values.category ?? '',
        estimatedValue: values.value === '' ? Number.NaN : Number(values.value),
        deadline: parseShanghai(values.deadline),
      }
      const wish = proxy
        ? await api.wish.proxySubmit({ ...common, building: values.building, address: values.address }, submission)
        : await api.wish.submit(common, submission)
      setSent(true)
      void Taro.showToast({ title: proxy ? '已登记并上墙' : '已提交，等待审核', icon: 'none' })
      setTimeout(() => void Taro.redirectTo({ url: routes.wishDetail(wish.id) }), 800)
    })

  return (
    <Page>
      <Text className="page-title">{proxy ? '代办登记心愿' : '许个心愿'}</Text>
      <Text className="page-intro">
        {proxy
          ? '为不会用手机的居民登记心愿。电话和门牌只有认领人和社区工作者能看到，心愿墙上只显示姓氏和楼栋。'
          : '说说您需要什么帮助。社区审核后心愿会上墙；墙上只显示您的姓氏和楼栋，电话只给认领的人看。'}
      </Text>
      <View className="gz-card">
        <Field label={proxy ? '居民姓名' : '怎么称呼您'} error={form.errors.name} hint="例如：王阿姨" name="name">
          <TextInput className="gz-input" value={v.name} maxlength={maxLengthOf('wish', 'submit', 'name')} onInput={(e) => form.set('name', e.detail.value)} />
        </Field>
        {proxy ? (
          <>
            <Field label="楼栋" error={form.errors.building} name="building">
              <TextInput className="gz-input" value={v.building} maxlength={maxLengthOf('wish', 'proxySubmit', 'building')} placeholder="例如：4号楼" onInput={(e) => form.set('building', e.detail.value)} />
            </Field>
            <Field label="单元门牌" error={form.errors.address} name="address">
              <TextInput className="gz-input" value={v.address} maxlength={maxLengthOf('wish', 'proxySubmit', 'address')} placeholder="例如：2单元102" onInput={(e) => form.set('address', e.detail.value)} />
            </Field>
          </>
        ) : null}
        <Field label="联系电话" error={form.errors.phone} hint="只有认领人和社区工作者能看到" name="phone">
          <TextInput className="gz-input" type="number" value={v.phone} onInput={(e) => form.set('phone', e.detail.value)} />
        </Field>
        <Field label="心愿" error={form.errors.title} hint="一句话，2到30个字，例如：想要一台收音机" name="title">
          <TextInput className="gz-input" value={v.title} maxlength={maxLengthOf('wish', 'submit', 'title')} onInput={(e) => form.set('title', e.detail.value)} />
        </Field>
        <Field label="分类" error={form.errors.category} name="category">
          <Choices options={categories} value={v.category} onChange={(c) => form.set('category', c)} />
        </Field>
        <Field label="说明（可不填）" error={form.errors.description} name="description">
          <TextArea className="gz-textarea" value={v.description} maxlength={maxLengthOf('wish', 'submit', 'description')} onInput={(e) => form.set('description', e.detail.value)} />
        </Field>
        <Field label="估计价值（元）" error={form.errors.estimatedValue} name="estimatedValue">
          <TextInput className="gz-input" type="number" value={v.value} placeholder="例如：80" onInput={(e) => form.set('value', e.detail.value)} />
        </Field>
        <Field label="希望在这天前实现" error={form.errors.deadline} name="deadline">
          <Picker mode="date" value={v.deadline} start={shanghaiDate(Date.now())} onChange={(e) => form.set('deadline', String(e.detail.value))}>
            <View className="gz-choice" role="button">
              <Text>{v.deadline}</Text>
            </View>
          </Picker>
        </Field>
        <Button type="primary" block size="large" loading={form.submitting} disabled={sent} onClick={submit} data-testid="wish-submit">
          {proxy ? '登记并上墙' : '提交心愿'}
        </Button>
      </View>
    </Page>
  )
}
