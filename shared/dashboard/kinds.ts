/** What kind of participation an audited action is, as the dashboard counts residents who took part. */
export type ParticipationKind = 'opinion' | 'support' | 'signup' | 'vote' | 'wish' | 'claim' | 'booking' | 'rating';

export const PARTICIPATION_KINDS: readonly ParticipationKind[] = ['opinion', 'support', 'signup', 'vote', 'wish', 'claim', 'booking', 'rating'];

export const PARTICIPATION_LABELS: Record<ParticipationKind, string> = {
  opinion: '提意见',
  support: '附议',
  signup: '报名',
  vote: '投票',
  wish: '许心愿',
  claim: '认领心愿',
  booking: '预约活动室',
  rating: '满意度评价',
};
