import Taro from '@tarojs/taro'
import { newReceipt } from '@shared/budget/ballot'

/**
 * A ballot's receipt lives on the voter's phone only: the server stores it on the anonymous ballot and nowhere near
 * the voter. It is made and kept before the ballot is sent, so a retry after a lost answer sends the same one.
 */
export interface KeptReceipt {
  receipt: string
  projects: string[]
  /** Set once the server accepted the ballot. */
  cast: boolean
}

const key = (roundId: string) => `gz.budget.receipt.${roundId}`

export function keptReceipt(roundId: string): KeptReceipt | null {
  const stored = Taro.getStorageSync(key(roundId)) as KeptReceipt | ''
  return stored && typeof stored === 'object' && typeof stored.receipt === 'string' ? stored : null
}

/** The receipt for this choice: the one kept for an unanswered attempt at the same choice, else a new one. */
export function receiptFor(roundId: string, projects: string[]): string {
  const kept = keptReceipt(roundId)
  const same = kept && !kept.cast && kept.projects.slice().sort().join(',') === projects.slice().sort().join(',')
  const receipt = same ? kept.receipt : newReceipt()
  Taro.setStorageSync(key(roundId), { receipt, projects, cast: false })
  return receipt
}

export function keepReceipt(roundId: string, receipt: string, projects: string[]): void {
  Taro.setStorageSync(key(roundId), { receipt, projects, cast: true })
}
