import { useEffect, useState } from 'react'
import { resolveFileUrls } from '../services/files'

/** Display URLs for file ids: null while resolving, then '' for a file this platform cannot show. */
export function useFileUrls(fileIds: string[]): string[] | null {
  const key = fileIds.join('|')
  const [resolved, setResolved] = useState<{ key: string; urls: string[] } | null>(null)
  useEffect(() => {
    let live = true
    void resolveFileUrls(key ? key.split('|') : []).then((urls) => {
      if (live) setResolved({ key, urls })
    })
    return () => {
      live = false
    }
  }, [key])
  return resolved && resolved.key === key ? resolved.urls : null
}
