import { PropsWithChildren } from 'react'
import { initCloud } from './services/cloud'
import { watchPrivacyAuthorization } from './services/privacy'
import './app.scss'

initCloud()
watchPrivacyAuthorization()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
