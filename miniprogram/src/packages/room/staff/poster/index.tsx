import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../../components/Picture'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../../components/Page'
import { StateView } from '../../../../components/StateView'
import { useAction } from '../../../../hooks/useAction'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { reportError } from '../../../../services/errors'
import { printPoster, saveQrImage } from './save'
import '../staff.scss'

/**
 * The poster for a room's door: its QR (a WeChat code that opens check-in on WeChat, a plain QR locally) with the
 * room's name and check-in code printed large under it, for people who type the code instead of scanning.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const roomId = params.roomId ?? ''
  const qr = useLoaded(() => api.room.doorQr({ roomId }), roomId || null)
  const act = useAction()
  const h5 = process.env.TARO_ENV === 'h5'
  usePullDownRefresh(() => void qr.reload().finally(() => Taro.stopPullDownRefresh()))

  const save = async () => {
    if (!qr.data) return
    try {
      await saveQrImage(qr.data.image, `${qr.data.roomName}-签到码`)
      if (!h5) void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch (e) {
      // Closing the album permission prompt is a no, not a failure to report.
      if (!/cancel|deny|auth/i.test(String((e as { errMsg?: string }).errMsg ?? ''))) reportError(e)
    }
  }

  const resetCode = async () => {
    const sure = await confirmIrreversible({
      title: '更换签到码？',
      content: '换码后，门口贴着的旧二维码和旧签到码都不能再签到，需要重新打印张贴。',
      confirmText: '更换',
      danger: true,
    })
    if (!sure) return
    if (await act.run('reset', () => api.room.resetCheckInCode({ roomId }), { success: '已更换' })) await qr.reload()
  }

  return (
    <Page>
      <Text className="page-title rs-no-print">门口签到二维码</Text>
      <StateView loading={qr.loading} error={qr.error} onRetry={() => void qr.reload()} />
      {qr.data ? (
        <>
          <View className="rs-poster" data-testid="poster">
            <Text className="rs-poster__name">{qr.data.roomName}</Text>
            <Picture className="rs-poster__qr" src={qr.data.image} mode="aspectFit" alt={`${qr.data.roomName}签到二维码`} />
            <Text className="rs-poster__hint">{qr.data.source === 'wxacode' ? '微信扫码签到' : '扫码或输入签到码签到'}</Text>
            <Text className="rs-poster__code" data-testid="poster-code">
              {qr.data.checkInCode}
            </Text>
            <Text className="rs-poster__hint">签到码 · 预约开始前后15分钟内签到</Text>
          </View>
          <View className="rs-actions rs-no-print">
            {h5 ? (
              <Button type="primary" block size="large" data-testid="poster-print" onClick={printPoster}>
                打印
              </Button>
            ) : null}
            <Button type={h5 ? 'default' : 'primary'} block size="large" data-testid="poster-save" onClick={() => void save()}>
              {h5 ? '下载二维码图片' : '保存到相册'}
            </Button>
            <Button block size="large" type="danger" fill="outline" loading={act.busy === 'reset'} data-testid="poster-reset" onClick={() => void resetCode()}>
              更换签到码
            </Button>
          </View>
        </>
      ) : null}
    </Page>
  )
}
