import { Input, Text, View } from '@tarojs/components'

interface Props {
  items: string[]
  placeholder: string
  addLabel: string
  max: number
  testId?: string
  onChange: (items: string[]) => void
}

/** A short list typed one line at a time (agenda items, vote options), each line removable. */
export function ListEditor({ items, placeholder, addLabel, max, testId, onChange }: Props) {
  return (
    <View className="cs-list-editor" data-testid={testId}>
      {items.map((item, i) => (
        <View key={i} className="cs-list-editor__row">
          <Text className="cs-list-editor__num">{i + 1}.</Text>
          <Input
            className="gz-input cs-list-editor__input"
            value={item}
            placeholder={placeholder}
            maxlength={100}
            onInput={(e) => onChange(items.map((x, j) => (j === i ? e.detail.value : x)))}
          />
          <View className="cs-list-editor__remove" role="button" aria-label={`删除第${i + 1}项`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
            删除
          </View>
        </View>
      ))}
      {items.length < max ? (
        <View className="cs-list-editor__add" role="button" onClick={() => onChange([...items, ''])}>
          ＋ {addLabel}
        </View>
      ) : null}
    </View>
  )
}
