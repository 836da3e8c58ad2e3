import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { api } from '../../../services/api'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { keptReceipt } from '../receipts'
import { budgetRoutes } from '../routes'
import { TextInput } from '../../../components/TextInput'
import '../budget.scss'

/**
 * My receipt: the code this phone kept when I voted. After the results are published I find my ballot by it among the
 * anonymous ballots; the server never linked it to me, so nobody else can.
 */
export default function ReceiptPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const kept = keptReceipt(id)
  const round = useLoaded(() => api.budget.getRound({ id }), id || null)
  const [typed, setTyped] = useState(kept?.cast ? kept.receipt : '')
  const act = useAction()
  const [error, setError] = useState<string | undefined>()
  const [found, setFound] = useState<string[] | null>(null)
  const r = round.data
  const title = (pid: string) => r?.ballotProjects.find((p) => p.id === pid)?.title ?? pid

  const find = async () => {
    const ballot = await act.run('find', () => api.budget.findBallot({ id, receipt: typed }), { onFields: (f) => setError(f.receipt ?? Object.values(f)[0]) })
    if (ballot) setFound(ballot.projects)
  }

  return (
    <Page>
      <Text className="page-title">我的投票回执</Text>
      <StateView loading={round.loading} error={round.error} onRetry={round.reload} />
      {kept?.cast ? (
        <View className="gz-card">
          <Text className="page-intro">您已投票，选票已保存。请记下这个回执码：</Text>
          <Text className="bg-receipt" data-testid="receipt-code">
            {kept.receipt}
          </Text>
          <Text className="gz-muted">回执码只保存在您的手机上。结果公示后，凭它可以在公开的匿名选票中找到您的那一张，核对是否计入；别人无法从回执码知道是谁投的。</Text>
          <View className="gz-stack">
            <Text className="gz-section-title">您选的项目</Text>
            {kept.projects.map((pid) => (
              <Text key={pid} className="bg-card__title">
                ✓ {title(pid)}
              </Text>
            ))}
          </View>
        </View>
      ) : (
        <View className="gz-card">
          <Text className="gz-muted">这台手机上没有本轮的投票回执。如果您在别的手机上投过票，或领到了纸质选票的回执，可以在下面输入。</Text>
        </View>
      )}
      {r?.results ? (
        <View className="gz-card">
          <Field label="按回执码查找选票" error={error} name="receipt">
            <TextInput className="gz-input" value={typed} placeholder="8位字母或数字" onInput={(e) => {
                setTyped(e.detail.value)
                setError(undefined)
              }} />
          </Field>
          <Button type="primary" block size="large" loading={act.busy === 'find'} data-testid="find-ballot" onClick={() => void find()}>
            查找
          </Button>
          {found ? (
            <View className="gz-stack" data-testid="found-ballot">
              <Text className="bg-big">找到了，这张选票已计入：</Text>
              {found.map((pid) => (
                <Text key={pid}>✓ {title(pid)}</Text>
              ))}
            </View>
          ) : null}
          <Button block size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.results(id) })}>
            看看结果和我的份额去了哪里
          </Button>
        </View>
      ) : r ? (
        <Text className="gz-muted">结果公示后，可以在这里按回执码核对您的选票。</Text>
      ) : null}
    </Page>
  )
}
