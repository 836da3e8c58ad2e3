import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { AGREE_BUTTON_ID, agreePrivacy, declinePrivacy, openPrivacyGuide, privacyStore } from '../services/privacy'
import { useStore } from '../hooks/useStore'

/** Shown on weapp when WeChat asks for consent; never on H5, where nothing sets the pending request. */
export function PrivacyPrompt() {
  const { pending } = useStore(privacyStore)
  if (!pending) return null
  return (
    <View className="gz-sheet-mask">
      <View className="gz-sheet" role="dialog">
        <Text className="gz-sheet__title">隐私保护提示</Text>
        <Text className="gz-sheet__text">
          使用头像、昵称等功能前，请您阅读并同意《共治隐私保护指引》。我们只收集必要的信息，您可以随时在“我的 → 我的数据”中查看和删除。
        </Text>
        <Text className="gz-link" role="link" onClick={openPrivacyGuide}>
          查看《共治隐私保护指引》
        </Text>
        <View className="gz-row gz-row--end">
          <Button onClick={declinePrivacy}>
            不同意
          </Button>
          <Button type="primary" id={AGREE_BUTTON_ID} openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agreePrivacy}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
