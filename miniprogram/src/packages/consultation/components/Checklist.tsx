import { Text, View } from '@tarojs/components'

/** What the host must still do before the step can be left, or that everything is there. */
export function Checklist({ missing, nextName }: { missing: string[]; nextName: string | null }) {
  return (
    <View className={`gz-card cs-checklist${missing.length ? '' : ' cs-checklist--ready'}`} data-testid="checklist">
      <Text className="cs-checklist__title">{missing.length ? `进入下一步前还需要（${missing.length}项）` : '本步骤已完成'}</Text>
      {missing.map((m) => (
        <View key={m} className="cs-checklist__item">
          <Text className="cs-checklist__mark">□</Text>
          <Text>{m}</Text>
        </View>
      ))}
      {!missing.length ? <Text className="gz-muted">{nextName ? `可以进入下一步「${nextName}」。` : '可以结束议事。'}</Text> : null}
    </View>
  )
}
