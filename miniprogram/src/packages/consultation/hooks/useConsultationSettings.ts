import { consultationSettingsOf, type ConsultationSettings } from '@shared/consultation/module'
import { useCommunities } from '../../../hooks/useCommunities'

/** A community's consultation settings as the server reads them; the defaults until the communities have loaded. */
export function useConsultationSettings(communityId: string): ConsultationSettings {
  const community = useCommunities().list.find((c) => c.id === communityId)
  return consultationSettingsOf(community ?? { settings: {} })
}
