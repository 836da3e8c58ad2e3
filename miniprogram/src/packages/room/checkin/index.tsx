import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BookingView } from '@shared/contract'
import { parseDoorScene } from '@shared/room/rules'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { TextInput } from '../../../components/TextInput'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { NeedsResidency } from '../components/NeedsResidency'
import { roomCommunity } from '../community'
import { formatRange } from '../format'
import '../room.scss'

/** The door QR's scene from a scan inside the app: WeChat hands back the page path with `scene=` in it. */
function sceneOfPath(path: string | undefined): string {
  const m = /[?&]scene=([^&]*)/.exec(path ?? '')
  return m ? decodeURIComponent(m[1]) : ''
}

/**
 * Check-in at the door. On WeChat the door QR opens this page with a `scene` (the room and its code) and checks in
 * at once; in the app 扫门口二维码 does the same. In a browser the resident picks the room and types the code
 * printed under the QR.
 */
export default function CheckInPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const door = parseDoorScene(decodeURIComponent(params.scene ?? ''))
  const communityId = roomCommunity(undefined, me)
  const rooms = useLoaded(() => api.room.rooms({ communityId }), communityId || null)
  const [roomId, setRoomId] = useState(door?.roomId ?? params.roomId ?? '')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<BookingView | null>(null)
  const act = useAction()

  const checkIn = async (target: { roomId: string; code: string }) => {
    setErrors({})
    const booking = await act.run('checkIn', () => api.room.checkIn(target), { success: '签到成功', onFields: setErrors })
    if (booking) setDone(booking)
  }
  // Opened by the door QR: the scene says everything, so check in without a tap, once.
  const started = useRef(false)
  const checkInRef = useRef(checkIn)
  checkInRef.current = checkIn
  const signedIn = !!me
  useEffect(() => {
    const fromDoor = parseDoorScene(decodeURIComponent(params.scene ?? ''))
    if (fromDoor && signedIn && !started.current) {
      started.current = true
      void checkInRef.current(fromDoor)
    }
  }, [params.scene, signedIn])
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true })
      const scanned = parseDoorScene(sceneOfPath(res.path))
      if (scanned) await checkIn(scanned)
      else void Taro.showToast({ title: '这不是活动室门口的签到码', icon: 'none' })
    } catch {
      // closed the camera: typing the code remains
    }
  }

  return (
    <Page>
      <Text className="page-title">到场签到</Text>
      <Text className="page-intro">预约开始前15分钟到开始后15分钟之间，到了活动室门口签到。过时没有签到，时段会释放给别人。</Text>
      <NeedsResidency communityId={communityId} back={routes.roomCheckIn(params.roomId)} />
      {done ? (
        <View className="gz-card gz-stack" data-testid="checked-in">
          <Text className="rm-ok">签到成功 ✓</Text>
          <Text className="rm-line">
            {done.roomName} {formatRange(done)}
          </Text>
          <Button block size="large" onClick={() => void Taro.redirectTo({ url: routes.roomBooking(done.id) })}>
            查看预约
          </Button>
        </View>
      ) : door ? (
        <StateView loading={act.busy === 'checkIn'} error={null} />
      ) : null}
      {!done && communityId ? (
        <View className="gz-card gz-stack">
          {process.env.TARO_ENV === 'weapp' ? (
            <Button type="primary" block size="large" onClick={() => void scan()}>
              扫门口二维码签到
            </Button>
          ) : null}
          <Field label="哪间活动室" error={errors.roomId} name="roomId">
            <StateView loading={rooms.loading} error={rooms.error} onRetry={() => void rooms.reload()} />
            <Choices layout="rows" options={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.name }))} value={roomId} onChange={setRoomId} />
          </Field>
          <Field label="签到码" error={errors.code} hint="门口二维码下方印着的数字" name="code">
            <TextInput className="gz-input" type="number" value={code} placeholder="例如 4821" onInput={(e) => setCode(e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={act.busy === 'checkIn'} data-testid="checkin-submit" onClick={() => void checkIn({ roomId, code })}>
            签到
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
