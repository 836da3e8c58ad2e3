import { useContext } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { FieldLabel } from './Field'

/** Taro's own input event, so a swap from `<Input>` / `<Textarea>` changes the tag name and nothing else. */
type InputEvent = { detail: { value: string } }

interface Common {
  value: string
  onInput: (event: InputEvent) => void
  /**
   * The field's limit, from the contract (`maxLengthOf`): shown as 12/40, never used to cut the text. Named as on
   * Taro's components for the same reason. Left out only where the contract has no length (a number, a word to
   * type back): then no counter is drawn.
   */
  maxlength?: number
  placeholder?: string
  disabled?: boolean
  className?: string
  onBlur?: (event: InputEvent) => void
  /** Passed to the box itself, for tests that type into it. */
  'data-testid'?: string
}

/** Our box class unless the caller already gives it. */
function boxClass(base: string, className?: string): string {
  return className?.split(' ').includes(base) ? className : `${base}${className ? ` ${className}` : ''}`
}

/** The box's name for screen readers: its field's label, handed to the real <input> on H5 (weapp ignores it). */
function useBoxLabel(): { nativeProps?: Record<string, string> } {
  const label = useContext(FieldLabel)
  return label ? { nativeProps: { 'aria-label': label } } : {}
}

/** Counted as the server counts: the text without surrounding spaces. */
export function lengthOf(value: string): number {
  return value.trim().length
}

/** The counter and, past the limit, the red words saying by how much. */
function Counter({ value, maxLength }: { value: string; maxLength?: number }) {
  if (maxLength === undefined) return null
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
export function TextInput({ value, onInput, maxlength, placeholder, disabled, className, onBlur, type, 'data-testid': testId }: Common & { type?: 'text' | 'number' | 'digit' | 'idcard' | 'nickname' }) {
  return (
    <View className={`gz-text${maxlength !== undefined && lengthOf(value) > maxlength ? ' gz-text--over' : ''}`}>
      <Input
        {...useBoxLabel()}
        className={boxClass('gz-input', className)}
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass="gz-placeholder"
        disabled={disabled}
        data-testid={testId}
        maxlength={-1}
        onInput={(e) => onInput({ detail: { value: e.detail.value } })}
        onBlur={onBlur ? (e) => onBlur({ detail: { value: e.detail.value } }) : undefined}
      />
      <Counter value={value} maxLength={maxlength} />
    </View>
  )
}

/** A text area in the body font that grows with its text, with its limit shown (see `TextInput`). */
export function TextArea({ value, onInput, maxlength, placeholder, disabled, className, onBlur, autoHeight = true, 'data-testid': testId }: Common & { autoHeight?: boolean }) {
  return (
    <View className={`gz-text${maxlength !== undefined && lengthOf(value) > maxlength ? ' gz-text--over' : ''}`}>
      <Textarea
        {...useBoxLabel()}
        className={boxClass('gz-textarea', className)}
        value={value}
        placeholder={placeholder}
        placeholderClass="gz-placeholder"
        disabled={disabled}
        data-testid={testId}
        maxlength={-1}
        autoHeight={autoHeight}
        onInput={(e) => onInput({ detail: { value: e.detail.value } })}
        onBlur={onBlur ? (e) => onBlur({ detail: { value: e.detail.value } }) : undefined}
      />
      <Counter value={value} maxLength={maxlength} />
    </View>
  )
}
