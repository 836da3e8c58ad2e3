import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useForm } from '../../../hooks/useForm'
import { api, validateInput } from '../../../services/api'
import { reportError } from '../../../services/errors'
import { loadMe } from '../../../services/me'
import { clearSession } from '../../../services/session'
import { openPrivacyGuide } from '../../../services/privacy'
import { routes } from '../../../services/routes'
import { TextInput } from '../../../components/TextInput'

export default function MyDataPage() {
  const { signedOut } = useMe()
  const [exported, setExported] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const form = useForm({ confirm: '' })

  const exportData = async () => {
    setExporting(true)
    try {
      setExported(JSON.stringify(await api.user.exportMyData(), null, 2))
    } catch (e) {
      reportError(e)
    } finally {
      setExporting(false)
    }
  }

  const deleteAccount = () =>
    form.submit(async ({ confirm }) => {
      validateInput('user', 'deleteMe', { confirm: confirm.trim() as '删除' })
      // An earlier toast (a message from the last try) would sit on top of the question.
      Taro.hideToast()
      const sure = await Taro.showModal({ title: '确认注销', content: '注销后，您的昵称、头像、住址和身份都会被删除，不能恢复。', confirmText: '确认注销', cancelText: '再想想' })
      if (!sure.confirm) return
      await api.user.deleteMe({ confirm: confirm.trim() as '删除' })
      if (process.env.TARO_ENV === 'h5') clearSession()
      await loadMe()
      void Taro.showToast({ title: '账号已注销', icon: 'none' })
      void Taro.switchTab({ url: routes.home })
    })

  if (signedOut) {
    return (
      <Page>
        <Text className="page-title">我的数据</Text>
        <SignInNeeded back={routes.myData} />
      </Page>
    )
  }

  return (
    <Page>
      <Text className="page-title">我的数据</Text>
      <View className="gz-card gz-stack">
        <Text className="gz-field__label">我们保存了什么</Text>
        <Text>昵称、头像；居民认证时填写的社区、楼栋和门牌；您读过哪些公告；您在社区里做过的操作记录。手机号和身份证号我们不收集。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Text className="gz-link" role="link" onClick={openPrivacyGuide}>
            查看《共治隐私保护指引》
          </Text>
        ) : null}
      </View>

      <View className="gz-card gz-stack">
        <Text className="gz-field__label">导出我的数据</Text>
        <Button size="large" block loading={exporting} onClick={exportData}>
          查看我的全部数据
        </Button>
        {exported ? (
          <>
            <Text className="gz-pre my-data-json" userSelect>
              {exported}
            </Text>
            <Button size="large" block onClick={() => void Taro.setClipboardData({ data: exported })}>
              复制全部内容
            </Button>
          </>
        ) : null}
      </View>

      <View className="gz-card gz-stack">
        <Text className="gz-field__label">注销账号</Text>
        <Text className="gz-muted">注销后个人信息将被删除。您参与过的议事和投票会保留为“已注销用户”，以保证结果真实。</Text>
        <Field label="请输入“删除”两个字以确认" error={form.errors.confirm} name="confirm">
          <TextInput className="gz-input" value={form.values.confirm} placeholder="删除" onInput={(e) => form.set('confirm', e.detail.value)} />
        </Field>
        <Button type="danger" size="large" block loading={form.submitting} onClick={deleteAccount}>
          注销账号
        </Button>
      </View>
    </Page>
  )
}
