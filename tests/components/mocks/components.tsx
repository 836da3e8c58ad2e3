/**
 * @tarojs/components as plain DOM elements for jsdom. Events carry `detail` the way Taro's do, so pages
 * read `e.detail.value` unchanged.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode; className?: string };

// Taro-only props that would be unknown DOM attributes.
const DROP = new Set(['openType', 'onChooseAvatar', 'onAgreePrivacyAuthorization', 'userSelect', 'mode', 'hoverClass', 'autoHeight', 'maxlength', 'scrollX', 'scrollY', 'range', 'start', 'end', 'formType', 'lazyLoad', 'catchMove', 'onInput', 'onBlur', 'onConfirm', 'hoverStopPropagation', 'hoverStartTime', 'hoverStayTime', 'placeholderClass']);

function domProps(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    // NutUI passes Taro's camel-case aria props (ariaChecked); the DOM wants aria-checked.
    if (k === 'ariaRole') out.role = v;
    // Taro's H5 components hand `nativeProps` to the real element inside (an <input>, an <img>).
    else if (k === 'nativeProps') Object.assign(out, v);
    else if (/^aria[A-Z]/.test(k)) out[`aria-${k.slice(4).toLowerCase()}`] = v;
    else if (!DROP.has(k)) out[k] = v;
  }
  return out;
}

function element(tag: string, name: string) {
  const C = forwardRef<HTMLElement, Props>((props, ref) => createElement(tag, { ...domProps(props), ref, 'data-taro': name }, props.children as ReactNode));
  C.displayName = name;
  return C;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const Image = element('img', 'Image');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Label = element('label', 'Label');
export const Form = element('form', 'Form');
export const Canvas = element('canvas', 'Canvas');
export const Video = element('video', 'Video');
export const RichText = element('div', 'RichText');
export const MovablArea = element('div', 'MovableArea');
export const CoverView = element('div', 'CoverView');

export const Button = forwardRef<HTMLButtonElement, Props>((props, ref) =>
  createElement('button', { ...domProps(props), ref, type: 'button', 'data-open-type': props.openType, disabled: props.disabled as boolean | undefined }, props.children as ReactNode),
);
Button.displayName = 'Button';

function field(tag: 'input' | 'textarea', name: string) {
  const C = forwardRef<HTMLInputElement, Props>((props, ref) => {
    const { onInput, onBlur, value, type } = props as { onInput?: (e: unknown) => void; onBlur?: (e: unknown) => void; value?: string; type?: string };
    return createElement(tag, {
      ...domProps(props),
      ref,
      type: tag === 'input' ? (type === 'nickname' ? 'text' : type) : undefined,
      value: value ?? '',
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
      onBlur: (e: { target: { value: string } }) => onBlur?.({ detail: { value: e.target.value } }),
      'data-taro': name,
    });
  });
  C.displayName = name;
  return C;
}

export const Input = field('input', 'Input');
export const Textarea = field('textarea', 'Textarea');

/** The wheel picker as a plain text box: typing a value fires Taro's change event. */
export const Picker = forwardRef<HTMLDivElement, Props>((props, ref) => {
  const { onChange, value, mode, children } = props as { onChange?: (e: unknown) => void; value?: string; mode?: string; children?: ReactNode };
  return createElement(
    'div',
    { ref, 'data-taro': 'Picker', 'data-mode': mode },
    createElement('input', { 'aria-label': `picker-${mode}`, value: value ?? '', onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: e.target.value } }) }),
    children,
  );
});
Picker.displayName = 'Picker';

export const Switch = forwardRef<HTMLInputElement, Props>((props, ref) =>
  createElement('input', { ref, type: 'checkbox', role: 'switch', checked: !!props.checked, readOnly: true, className: props.className }),
);
Switch.displayName = 'Switch';
