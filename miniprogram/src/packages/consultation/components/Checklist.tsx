import { Text, View } from '@tarojs/components'

/** A step form's edit that has not been saved, and what is wrong with it (empty when it would save). */
export interface Draft {
  unsaved: boolean
  problems: string[]
}

export const NO_DRAFT: Draft = { unsaved: false, problems: [] }

/**
 * What the host must still do before the step can be left, or that everything is there. The list is the server's,
 * about what is saved; an edit not yet saved is named above it, with its problems, and the step never reads as done
 * while one is pending (advancing would carry the saved version, not the edit).
 */
export function Checklist({ missing, nextName, draft = NO_DRAFT }: { missing: string[]; nextName: string | null; draft?: Draft }) {
  const ready = !missing.length && !draft.unsaved
  return (
    <View className={`gz-card cs-checklist${ready ? ' cs-checklist--ready' : ''}`} data-testid="checklist" data-unsaved={draft.unsaved ? 'yes' : 'no'}>
      {draft.unsaved ? (
        <View className="cs-checklist__draft" data-testid="checklist-unsaved">
          <Text className="cs-checklist__title">下方有未保存的修改</Text>
          <Text>{draft.problems.length ? '修改后的内容还有问题，保存不了：' : '请保存，或放弃修改。进入下一步用的是已保存的内容。'}</Text>
          {draft.problems.map((p) => (
            <View key={p} className="cs-checklist__item">
              <Text className="cs-checklist__mark">!</Text>
              <Text>{p}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className="cs-checklist__title">
        {missing.length ? `进入下一步前还需要（${missing.length}项）` : draft.unsaved ? '已保存的内容可以进入下一步' : '本步骤已完成'}
      </Text>
      {missing.map((m) => (
        <View key={m} className="cs-checklist__item">
          <Text className="cs-checklist__mark">□</Text>
          <Text>{m}</Text>
        </View>
      ))}
      {ready ? <Text className="gz-muted">{nextName ? `可以进入下一步「${nextName}」。` : '可以结束议事。'}</Text> : null}
    </View>
  )
}
