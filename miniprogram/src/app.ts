import { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import { watchPrivacyAuthorization } from './services/privacy'
import { routes } from './services/routes'
import './app.scss'

function App({ children }: PropsWithChildren) {
  // At launch rather than module load: WeChat's APIs are ready then, and nothing runs before the app exists.
  useLaunch(() => {
    initCloud()
    watchPrivacyAuthorization()
  })
  // An address with no page (a mistyped or outdated link) shows 页面不存在 with a way home, not a blank screen.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: routes.notFound })
  })
  return children
}

export default App
