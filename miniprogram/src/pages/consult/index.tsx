import { Text } from '@tarojs/components'
import { Page } from '../../components/Page'

/** The 议事 tab: the consultation module fills it (miniprogram/src/packages/consultation/). */
export default function ConsultPage() {
  return (
    <Page>
      <Text className="page-title">议事</Text>
      <Text className="page-intro">居民议事厅按六个步骤商量社区的事：收集意见、确定议题、制定方案、发布公告、开展协商、通报结果。</Text>
      <Text className="gz-tag gz-tag--gray">即将上线</Text>
    </Page>
  )
}
