import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { Avatar } from '../../../components/Avatar'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useForm } from '../../../hooks/useForm'
import { useOneAtATime } from '../../../hooks/useOneAtATime'
import { changeAvatar, changeNickname, pickImage } from '../../../services/profile'
import { reportError } from '../../../services/errors'
import { routes } from '../../../services/routes'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function ProfilePage() {
  const { me, loading, error, signedOut, reload } = useMe()
  const form = useForm({ nickname: '' })

  useEffect(() => {
    if (me) form.setValues({ nickname: me.nickname })
    // Only when the person first loads; later reloads must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me?.id])

  // One upload at a time: a second tap while a picture is uploading (or being picked) does nothing.
  const avatar = useOneAtATime(async (pick: () => Promise<string | null>) => {
    const path = await pick()
    if (!path) return
    try {
      await changeAvatar(path)
      void Taro.showToast({ title: '头像已更新', icon: 'success' })
    } catch (e) {
      reportError(e)
    }
  })

  const saveNickname = () =>
    form.submit(async ({ nickname }) => {
      await changeNickname(nickname)
      void Taro.showToast({ title: '昵称已保存', icon: 'success' })
    })

  return (
    <Page>
      <Text className="page-title">个人资料</Text>
      {signedOut ? <SignInNeeded back={routes.profile} /> : null}
      {!signedOut && !me ? <StateView loading={loading} error={error} onRetry={reload} /> : null}
      {me ? (
        <>
          <View className="gz-card gz-stack profile-avatar">
            <Text className="gz-field__label">头像</Text>
            <View className="gz-row">
              <Avatar fileId={me.avatarFileId} name={me.nickname} size="large" />
              {isWeapp ? (
                // WeChat hands back a temporary file the person chose; nothing is read without this tap.
                <Button
                  openType="chooseAvatar"
                  loading={avatar.running}
                  onChooseAvatar={(e) => avatar.run(async () => (e.detail as { avatarUrl?: string }).avatarUrl ?? null)}
                >
                  更换头像
                </Button>
              ) : (
                <Button loading={avatar.running} onClick={() => avatar.run(pickImage)}>
                  更换头像
                </Button>
              )}
            </View>
          </View>
          <View className="gz-card gz-stack" data-testid="user-number">
            <Text className="gz-field__label">用户编号</Text>
            <Text selectable userSelect>{me.id}</Text>
            <Text className="gz-muted">街道管理员指派社区工作者时，可以用昵称或这个编号找到您。</Text>
          </View>
          <View className="gz-card">
            <Field label="昵称" error={form.errors.nickname} hint="邻居们看到的称呼，最多20个字" name="nickname">
              <TextInput
                type={isWeapp ? 'nickname' : 'text'}
                value={form.values.nickname}
                placeholder="请输入昵称"
                maxlength={maxLengthOf('user', 'updateProfile', 'nickname')}
                onInput={(e) => form.set('nickname', e.detail.value)}
                // The WeChat nickname picker fills the input without an input event.
                onBlur={(e) => form.set('nickname', e.detail.value)}
              />
            </Field>
            <Button type="primary" size="large" block loading={form.submitting} onClick={saveNickname}>
              保存昵称
            </Button>
          </View>
        </>
      ) : null}
    </Page>
  )
}
