// Taro 4's H5 Text and Image pass `role` to their element as View does (seen in the H5 build; Taro's types declare it
// on View only): tappable text and pictures carry a role so that screen readers and the elder audit find them.
import '@tarojs/components/types/Text'
import '@tarojs/components/types/Image'

declare module '@tarojs/components/types/Text' {
  interface TextProps {
    role?: string
  }
}

declare module '@tarojs/components/types/Image' {
  interface ImageProps {
    role?: string
  }
}
