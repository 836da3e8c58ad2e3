import { useCallback, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView } from '@shared/contract'
import { Field } from './Field'
import { ListFooter, StateView } from './StateView'
import { TextInput } from './TextInput'
import { usePagedList } from '../hooks/usePagedList'
import { api } from '../services/api'
import { maxLengthOf } from '../services/limits'
import './MemberFinder.scss'

type Search = { building: string; unit: string }

interface Props {
  communityId: string
  /** One found resident; `replace` puts a changed record in the list (a new host). */
  renderMember: (member: MemberView, replace: (next: MemberView) => void) => ReactNode
  testId?: string
  /** Records changed elsewhere on the page (a host removed from the hosts list), shown in place of what was found. */
  latest?: Readonly<Record<string, MemberView>>
}

/**
 * The community's verified residents, found by building, or building and unit (`user.listMembers`): how staff find
 * someone, for the resident list and for acting on a resident's behalf (代办). The page needs pull-to-refresh.
 */
export function MemberFinder({ communityId, renderMember, testId = 'members', latest }: Props) {
  const [typed, setTyped] = useState<Search>({ building: '', unit: '' })
  const [search, setSearch] = useState<Search>({ building: '', unit: '' })
  const [searchError, setSearchError] = useState<string | undefined>()

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.user.listMembers({
        communityId,
        ...(search.building ? { building: search.building } : {}),
        ...(search.unit ? { unit: search.unit } : {}),
        cursor,
        limit: 20,
      }),
    [communityId, search],
  )
  const list = usePagedList<MemberView>(fetchPage, `${communityId}|${search.building}|${search.unit}`, { enabled: !!communityId })

  const find = () => {
    const next = { building: typed.building.trim(), unit: typed.unit.trim() }
    // The same rule the server gives: a unit means nothing without its building.
    if (next.unit && !next.building) return setSearchError('按单元查找时请先填写楼栋')
    setSearchError(undefined)
    setSearch(next)
  }
  const clear = () => {
    setTyped({ building: '', unit: '' })
    setSearch({ building: '', unit: '' })
    setSearchError(undefined)
  }
  const replace = (m: MemberView) => list.setItems((items) => items.map((x) => (x.userId === m.userId ? m : x)))
  const searching = !!(search.building || search.unit)

  return (
    <>
      <View className="gz-card">
        <View className="gz-member-search">
          <View className="gz-member-search__field">
            <Field label="楼栋" name="building" error={searchError} hint="例如：3号楼">
              <TextInput className="gz-input" value={typed.building} maxlength={maxLengthOf('user', 'listMembers', 'building')} placeholder="楼栋" onInput={(e) => setTyped((t) => ({ ...t, building: e.detail.value }))} />
            </Field>
          </View>
          <View className="gz-member-search__field">
            <Field label="单元" name="unit" hint="可不填">
              <TextInput className="gz-input" value={typed.unit} maxlength={maxLengthOf('user', 'listMembers', 'unit')} placeholder="单元" onInput={(e) => setTyped((t) => ({ ...t, unit: e.detail.value }))} />
            </Field>
          </View>
        </View>
        <View className="gz-row">
          <Button type="primary" size="large" onClick={find}>
            查找
          </Button>
          {searching ? (
            <Button size="large" onClick={clear}>
              显示全部
            </Button>
          ) : null}
        </View>
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText={searching ? '这里没有找到已认证的居民，请核对楼栋和单元' : '还没有已认证的居民'} onRetry={list.reload} />
      <View data-testid={testId}>{list.items.map((m) => renderMember(latest?.[m.userId] ?? m, replace))}</View>
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </>
  )
}
