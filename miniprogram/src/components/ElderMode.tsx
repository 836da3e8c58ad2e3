import { Text, View } from '@tarojs/components'
import { useLargeText } from '../hooks/useLargeText'
import { TEXT_SIZES } from '../services/display'
import { Choices } from './Choices'

/**
 * 长辈版: the text size, on the home page and under 我的 (MIIT's 适老化 rules want the switch where people start, under
 * one of its plain names). Until someone chooses, the size follows WeChat's own font size.
 */
export function ElderModeSwitch() {
  const text = useLargeText()
  return (
    <View className="gz-card elder-mode" data-testid="elder-mode">
      <View className="gz-row gz-row--between">
        <Text className="elder-mode__title">长辈版</Text>
        <Text className="gz-muted">{text.choice === 'auto' ? '跟随微信字体大小' : '已手动设置'}</Text>
      </View>
      <Choices options={TEXT_SIZES} value={text.textSize} onChange={text.setTextSize} label="长辈版字号" />
      {text.choice !== 'auto' ? (
        <Text className="gz-link" role="button" onClick={text.followSystemTextSize}>
          改回跟随微信字体大小
        </Text>
      ) : null}
    </View>
  )
}
