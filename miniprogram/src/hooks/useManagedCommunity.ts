import { useEffect, useMemo, useState } from 'react'
import type { CommunityView } from '@shared/contract'
import { managedCommunities, reviewCommunities } from '../services/roles'
import { useCommunities } from './useCommunities'
import { useMe } from './useMe'

/**
 * The community a staff page works on: the one in the address if the person may manage it, else their
 * first. `duty` picks which communities count (notices: staff and admin; residency review: staff only).
 */
export function useManagedCommunity(requested: string | undefined, duty: 'notices' | 'residency') {
  const { me, loading: meLoading, error: meError, signedOut, reload } = useMe()
  const communities = useCommunities()
  const options: CommunityView[] = useMemo(
    () => (duty === 'notices' ? managedCommunities(me, communities.list) : reviewCommunities(me, communities.list)),
    [me, communities.list, duty],
  )
  const [chosen, setChosen] = useState<string | undefined>(requested)
  useEffect(() => {
    if (options.length && !options.some((c) => c.id === chosen)) setChosen(options[0].id)
  }, [options, chosen])
  const community = options.find((c) => c.id === chosen) ?? null
  const loading = (meLoading && !me) || (communities.loading && !communities.list.length)
  return {
    me,
    signedOut,
    options,
    community,
    choose: setChosen,
    loading,
    error: meError ?? communities.error,
    /** Known, and allowed nowhere: not staff (or, for notices, not admin either). */
    forbidden: !!me && !loading && communities.list.length > 0 && options.length === 0,
    reload: () => Promise.all([reload(), communities.reload()]),
  }
}
