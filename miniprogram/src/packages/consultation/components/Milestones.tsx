import { Text, View } from '@tarojs/components'
import type { Milestone } from '@shared/contract'
import { formatDate } from '../../../services/format'

/** The report's milestones, each marked done or under way: the same list for the host and residents. */
export function Milestones({ items }: { items: Milestone[] }) {
  return (
    <>
      {items.map((m, i) => (
        <View key={i} className="gz-row">
          <Text className={`gz-tag ${m.done ? 'gz-tag--green' : 'gz-tag--gray'}`}>{m.done ? '已完成' : '进行中'}</Text>
          <Text>
            {m.title}（{formatDate(m.due)}前）
          </Text>
        </View>
      ))}
    </>
  )
}
