import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SwitchMark } from '../../../components/SwitchMark'
import type { NotifyPreference } from '@shared/notify/contract'
import { eventOfType } from '@shared/notify/registry'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { reportError, toApiCallError, type ApiCallError } from '../../../services/errors'
import { routes } from '../../../services/routes'
import { askToSubscribe, preloadTemplates } from '../../../services/subscriptions'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

function usePreferences(enabled: boolean) {
  const [list, setList] = useState<NotifyPreference[] | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const reload = useCallback(async () => {
    setLoading(true)
    setError(null)
    try {
      setList(await api.notify.preferences())
    } catch (e) {
      setError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, reload])
  return { list, setList, error, loading, reload }
}

interface RowProps {
  pref: NotifyPreference
  busy: boolean
  onToggle: () => void
  onAllowOnce: () => void
}

function PreferenceRow({ pref, busy, onToggle, onAllowOnce }: RowProps) {
  return (
    <View className="gz-card notify-pref" data-testid="notify-pref" data-event={pref.event}>
      <View className="notify-pref__head" data-testid="notify-toggle" role="switch" aria-checked={pref.on} aria-disabled={busy} onClick={busy ? undefined : onToggle}>
        <View className="gz-stack notify-pref__text">
          <Text className="notify-pref__label">{pref.label}</Text>
          <Text className="gz-muted">{pref.when}</Text>
        </View>
        <SwitchMark on={pref.on} />
      </View>
      {isWeapp && pref.on ? (
        <View className="gz-row gz-row--between notify-pref__left">
          <Text data-testid="notify-left">{pref.left > 0 ? `还可提醒 ${pref.left} 次` : '微信提醒次数已用完'}</Text>
          <Button size="large" onClick={onAllowOnce}>
            允许提醒一次
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/**
 * 消息提醒设置: which events may also come as a WeChat subscription message. Every message reaches 我的消息
 * whatever is chosen here; WeChat allows one reminder per acceptance, so the page says how many are left.
 */
export default function NotifySettingsPage() {
  const { signedOut } = useMe()
  const prefs = usePreferences(!signedOut)
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    void preloadTemplates()
  }, [])

  const toggle = async (pref: NotifyPreference) => {
    setBusy(pref.event)
    try {
      prefs.setList(await api.notify.setPreference({ event: pref.event, on: !pref.on }))
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(null)
    }
  }

  const allowOnce = async (pref: NotifyPreference) => {
    const key = eventOfType(pref.event)?.template.key
    const accepted = key ? await askToSubscribe([key]) : []
    if (accepted.length) await prefs.reload()
  }

  return (
    <Page>
      <Text className="page-title">消息提醒设置</Text>
      {signedOut ? (
        <SignInNeeded back={routes.notifySettings} />
      ) : (
        <>
          <Text className="gz-card notify-intro">
            {isWeapp
              ? '所有通知都会出现在“我的消息”里。打开的项目还会通过微信提醒您：每点一次“允许提醒”，微信允许我们提醒一次。晚上9点到早上8点不发送，早上再提醒。'
              : '所有通知都会出现在“我的消息”里。网页版不发送微信提醒；在微信小程序中可以开启。'}
          </Text>
          <StateView loading={prefs.loading && !prefs.list} error={prefs.list ? null : prefs.error} empty={prefs.list?.length === 0} emptyText="暂时没有可以设置的通知" onRetry={() => void prefs.reload()} />
          {prefs.list?.map((pref) => (
            <PreferenceRow key={pref.event} pref={pref} busy={busy === pref.event} onToggle={() => void toggle(pref)} onAllowOnce={() => void allowOnce(pref)} />
          ))}
        </>
      )}
    </Page>
  )
}
