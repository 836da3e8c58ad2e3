import { useEffect, useMemo } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CommunitySettings } from '@shared/contract'
import { settingGroups, settingText, settingValue, type SettingField } from '@shared/settings-form'
import { Page } from '../../../components/Page'
import { TextInput } from '../../../components/TextInput'
import { Field } from '../../../components/Field'
import { Choices } from '../../../components/Choices'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { useCommunities } from '../../../hooks/useCommunities'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { ApiCallError } from '../../../services/errors'
import { checkSettingsChanges } from '@shared/modules'
import { routes } from '../../../services/routes'
import '../admin.scss'

/** Every module's settings, from their manifests: this page names none of them. */
const GROUPS = settingGroups()

type Values = Record<string, string>

function formValues(settings: CommunitySettings): Values {
  const values: Values = {}
  for (const g of GROUPS) for (const f of g.fields) values[f.name] = settingText(f, settings[g.module]?.[f.key])
  return values
}

/** Only what changed is sent, each group with its own fields. */
function changes(values: Values, saved: Values): CommunitySettings {
  const out: CommunitySettings = {}
  for (const g of GROUPS) {
    for (const f of g.fields) {
      // Before the form has taken the saved values (the first render), nothing has changed.
      if (values[f.name] === undefined || values[f.name] === saved[f.name]) continue
      out[g.module] = { ...out[g.module], [f.key]: settingValue(f, values[f.name]) }
    }
  }
  return out
}

function numberHint(f: Extract<SettingField, { kind: 'number' }>): string {
  const range = f.min !== null && f.max !== null ? `可填 ${f.min}–${f.max}${f.unit ?? ''}` : ''
  return [f.hint, range].filter(Boolean).join('；')
}

function SettingInput({ field, value, onChange }: { field: SettingField; value: string; onChange: (v: string) => void }) {
  if (field.kind === 'yesNo' || field.kind === 'choice') {
    return <Choices layout="rows" options={field.options} value={value} onChange={onChange} />
  }
  return (
    <View className="gz-row">
      <TextInput
        className="gz-input settings-input"
        type={field.kind === 'number' ? 'number' : 'text'}
        value={value}
        maxlength={field.kind === 'text' && field.max ? field.max : undefined}
        onInput={(e) => onChange(e.detail.value)}
      />
      {field.kind === 'number' && field.unit ? <Text>{field.unit}</Text> : null}
    </View>
  )
}

export default function CommunitySettingsPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'residency')
  const communities = useCommunities()
  const community = scope.community
  const saved = useMemo(() => (community ? formValues(community.settings) : {}), [community])
  const form = useForm<Values>({})

  useEffect(() => {
    form.setValues(saved)
    form.setErrors({})
    // A new community (or freshly loaded settings) replaces the form; typing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved])

  usePullDownRefresh(() => {
    void scope.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const changed = changes(form.values, saved)
  const dirty = Object.keys(changed).length > 0

  const save = () =>
    form.submit(async () => {
      if (!community) return
      // Each module's own rules, as the server checks them, so a bad value is named before anything is sent.
      const checked = checkSettingsChanges(changed)
      if (!checked.ok) throw new ApiCallError({ code: 'VALIDATION', message: Object.values(checked.fields)[0], fields: checked.fields })
      await api.user.updateCommunitySettings({ communityId: community.id, settings: changed })
      // The community list carries the settings every page reads.
      await communities.reload()
      void Taro.showToast({ title: '设置已保存', icon: 'success' })
    })

  return (
    <Page>
      <Text className="page-title">社区设置</Text>
      {scope.signedOut ? <SignInNeeded back={routes.communitySettings()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者可以修改社区设置。</Text> : null}
      {community ? (
        <>
          <CommunitySwitcher options={scope.options} value={community.id} onChange={scope.choose} />
          <Text className="page-intro">这些设置只对{community.name}有效，保存后立即生效，每次修改都会记入审计记录。</Text>
          {GROUPS.map((g) => (
            <View key={g.module} className="gz-card" data-testid={`settings-${g.module}`}>
              <Text className="gz-section-title">{g.title}</Text>
              {g.fields.map((f) => (
                <Field key={f.name} label={f.label} name={f.name} error={form.errors[f.name]} hint={f.kind === 'number' ? numberHint(f) : (f.hint ?? undefined)}>
                  <SettingInput field={f} value={form.values[f.name] ?? ''} onChange={(v) => form.set(f.name, v)} />
                </Field>
              ))}
            </View>
          ))}
          <Button type="primary" size="large" block disabled={!dirty} loading={form.submitting} onClick={() => void save()}>
            {dirty ? '保存设置' : '没有修改'}
          </Button>
        </>
      ) : null}
    </Page>
  )
}
