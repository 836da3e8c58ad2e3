import { Image, type ImageProps } from '@tarojs/components'

/**
 * An image that says what it shows: `alt` reaches the `<img>` that Taro's H5 Image draws inside its own element
 * (Taro passes only `nativeProps` through to it). `alt=""` marks a picture that only decorates (a tab icon beside
 * its label), so screen readers skip it. weapp's image has no alt and ignores it.
 */
export function Picture({ alt, ...props }: ImageProps & { alt: string }) {
  return <Image {...props} nativeProps={{ ...props.nativeProps, alt }} />
}
