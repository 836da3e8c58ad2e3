import { Input, Text, Textarea, View } from '@tarojs/components'

interface Common {
  value: string
  onInput: (value: string) => void
  /** The field's limit, from the contract (`maxLengthOf`): shown as 12/40, never used to cut the text. */
  maxLength: number
  placeholder?: string
  disabled?: boolean
  className?: string
  onBlur?: (value: string) => void
}

/** Counted as the server counts: the text without surrounding spaces. */
export function lengthOf(value: string): number {
  return value.trim().length
}

/** The counter and, past the limit, the red words saying by how much. */
function Counter({ value, maxLength }: { value: string; maxLength: number }) {
  const length = lengthOf(value)
  const over = length - maxLength
  const near = over <= 0 && length >= maxLength * 0.9
  return (
    <View className="gz-counter">
      {over > 0 ? (
        <View className="gz-counter__over" role="alert">
          超出{over}字，最多{maxLength}字，请删减后再提交
        </View>
      ) : (
        <Text className="gz-counter__limit">最多{maxLength}字</Text>
      )}
      <Text className={`gz-counter__count${over > 0 ? ' gz-counter__count--over' : near ? ' gz-counter__count--near' : ''}`} aria-label={`已输入${length}字，最多${maxLength}字`}>
        {length}/{maxLength}
      </Text>
    </View>
  )
}

/**
 * A one-line text box with its limit shown. `maxlength` is switched off (-1: WeChat and Taro otherwise cut at 140
 * without a word): what the person types or pastes stays, and the counter says when it is too long.
 */
export function TextInput({ value, onInput, maxLength, placeholder, disabled, className, onBlur, type }: Common & { type?: 'text' | 'number' | 'digit' | 'idcard' | 'nickname' }) {
  return (
    <View className={`gz-text${lengthOf(value) > maxLength ? ' gz-text--over' : ''}`}>
      <Input
        className={`gz-input${className ? ` ${className}` : ''}`}
        type={type}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        maxlength={-1}
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur ? (e) => onBlur(e.detail.value) : undefined}
      />
      <Counter value={value} maxLength={maxLength} />
    </View>
  )
}

/** A text area in the body font that grows with its text, with its limit shown (see `TextInput`). */
export function TextArea({ value, onInput, maxLength, placeholder, disabled, className, onBlur, autoHeight = true }: Common & { autoHeight?: boolean }) {
  return (
    <View className={`gz-text${lengthOf(value) > maxLength ? ' gz-text--over' : ''}`}>
      <Textarea
        className={`gz-textarea${className ? ` ${className}` : ''}`}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        maxlength={-1}
        autoHeight={autoHeight}
        onInput={(e) => onInput(e.detail.value)}
        onBlur={onBlur ? (e) => onBlur(e.detail.value) : undefined}
      />
      <Counter value={value} maxLength={maxLength} />
    </View>
  )
}
