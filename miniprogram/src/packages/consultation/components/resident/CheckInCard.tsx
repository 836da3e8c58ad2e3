import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { Field } from '../../../../components/Field'
import { TextInput } from '../../../../components/TextInput'
import { api } from '../../../../services/api'
import type { useAction } from '../../../../hooks/useAction'

interface Props {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  refresh: () => Promise<void>
}

/**
 * Check-in at the meeting. In WeChat the camera reads the host's code; typing the six characters shown
 * on the host's phone works everywhere (and is the only way in a browser).
 */
export function CheckInCard({ view: c, act, refresh }: Props) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | undefined>()
  if (c.step !== 5 || !c.meetingOpenedAt || c.state !== 'active') return null
  if (c.me.checkedIn) {
    return (
      <View className="gz-card">
        <Text className="cs-callout cs-callout--ok" data-testid="checked-in">
          您已签到 ✓
        </Text>
      </View>
    )
  }
  if (c.voteState === 'closed') return null
  if (c.me.status !== 'seated') {
    return (
      <View className="gz-card">
        <Text className="gz-muted">会议正在进行。您没有本次会议的席位，到场后可请主持人登记到会。</Text>
      </View>
    )
  }
  const checkIn = async (value: string) => {
    const normalized = value.trim().toUpperCase()
    const seat = await act.run('checkIn', () => api.consultation.checkIn({ id: c.id, code: normalized }), {
      success: '签到成功',
      onFields: (f) => setError(f.code),
    })
    if (seat) await refresh()
  }
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await checkIn(res.result)
    } catch {
      // closed the camera: the typed code remains an option
    }
  }
  return (
    <View className="gz-card gz-stack" data-testid="checkin-card">
      <Text className="cs-card-title">会议签到</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button type="primary" block size="large" onClick={scan}>
          扫码签到
        </Button>
      ) : null}
      <Field label="输入签到码" error={error} hint="签到码是主持人手机上显示的6位字母和数字">
        <TextInput
          className="gz-input cs-code-input"
          value={code}
          placeholder="例如 7K3QPA"
          data-testid="checkin-code"
          onInput={(e) => {
            setCode(e.detail.value.toUpperCase())
            setError(undefined)
          }}
        />
      </Field>
      <Button type="primary" block size="large" loading={act.busy === 'checkIn'} onClick={() => checkIn(code)} data-testid="checkin-submit">
        签到
      </Button>
    </View>
  )
}
