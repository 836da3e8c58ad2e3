import type { MemberView } from '@shared/contract'
import { addressLine } from '@shared/user/household'

/** How staff see a resident: the name they gave, and the nickname when it differs. */
export function memberName(m: Pick<MemberView, 'name' | 'nickname'>): string {
  const name = m.name.trim()
  const nickname = m.nickname.trim()
  if (name && nickname && name !== nickname) return `${name}（${nickname}）`
  return name || nickname || '（未填写姓名）'
}

export function memberAddress(m: Pick<MemberView, 'building' | 'unit' | 'room'>): string {
  return addressLine(m) || '（未登记住址）'
}
