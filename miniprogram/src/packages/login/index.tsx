import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../components/Page'
import { Field } from '../../components/Field'
import { StateView } from '../../components/StateView'
import { listDemoAccounts, signInAs, type DemoAccount } from '../../services/devLogin'
import { reportError, toApiCallError, type ApiCallError } from '../../services/errors'
import { loadMe } from '../../services/me'
import { getSession } from '../../services/session'
import { isTabPage, routes } from '../../services/routes'
import { TextInput } from '../../components/TextInput'

/** H5 only: the local cloud's demo sign-in. In WeChat the person is already known. */
export default function LoginPage() {
  const { params } = useRouter()
  const [accounts, setAccounts] = useState<DemoAccount[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [openid, setOpenid] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const current = getSession()

  const load = async () => {
    setLoading(true)
    setError(null)
    try {
      setAccounts(await listDemoAccounts())
    } catch (e) {
      setError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }
  useEffect(() => {
    void load()
  }, [])

  const signIn = async (id: string) => {
    setBusy(true)
    setFieldError(undefined)
    try {
      await signInAs(id)
      await loadMe()
      const target = params.redirect ? decodeURIComponent(params.redirect) : routes.mine
      void Taro.showToast({ title: '登录成功', icon: 'success' })
      void (isTabPage(target) ? Taro.switchTab({ url: target }) : Taro.redirectTo({ url: target }))
    } catch (e) {
      reportError(e, { onFields: (f) => setFieldError(f.openid) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <Text className="page-title">登录（本地演示）</Text>
      <Text className="page-intro">
        在微信里打开时会自动识别您的身份，不需要登录。这里是电脑浏览器里的演示登录，请选择一个演示账号。
      </Text>
      {current ? <Text className="gz-muted login-current">当前账号：{current.openid}</Text> : null}
      <StateView loading={loading} error={error} empty={!accounts.length} emptyText="没有演示账号" onRetry={load} />
      <View className="gz-stack login-accounts">
        {accounts.map((a) => (
          <Button key={a.openid} block size="large" disabled={busy} data-openid={a.openid} onClick={() => signIn(a.openid)}>
            {a.label}
          </Button>
        ))}
      </View>
      <Text className="gz-section-title">或输入账号标识</Text>
      <Field label="openid" error={fieldError} name="openid">
        <TextInput className="gz-input" value={openid} placeholder="例如 demo-resident-1" onInput={(e) => setOpenid(e.detail.value)} />
      </Field>
      <Button type="primary" block size="large" disabled={busy} onClick={() => signIn(openid)}>
        登录
      </Button>
    </Page>
  )
}
