import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import { watchPrivacyAuthorization } from './services/privacy'
import './app.scss'

function App({ children }: PropsWithChildren) {
  // At launch rather than module load: WeChat's APIs are ready then, and nothing runs before the app exists.
  useLaunch(() => {
    initCloud()
    watchPrivacyAuthorization()
  })
  return children
}

export default App
