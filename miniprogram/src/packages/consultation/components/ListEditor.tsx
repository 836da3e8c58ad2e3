import { Text, View } from '@tarojs/components'
import { TextInput } from '../../../components/TextInput'

interface Props {
  items: string[]
  placeholder: string
  addLabel: string
  max: number
  /** Each line's limit, from the contract (`maxLengthOf`). */
  itemMaxLength: number
  testId?: string
  onChange: (items: string[]) => void
}

/** A short list typed one line at a time (agenda items, vote options), each line removable. */
export function ListEditor({ items, placeholder, addLabel, max, itemMaxLength, testId, onChange }: Props) {
  return (
    <View className="cs-list-editor" data-testid={testId}>
      {items.map((item, i) => (
        <View key={i} className="cs-list-editor__row">
          <Text className="cs-list-editor__num">{i + 1}.</Text>
          <TextInput
            className="gz-input cs-list-editor__input"
            value={item}
            placeholder={placeholder}
            maxlength={itemMaxLength}
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
