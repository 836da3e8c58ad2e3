import { stepProblem, type ConsultationFacts } from './steps';

/** Why nobody can sign up now; null while sign-ups are open: from the notice (step 4) until the meeting begins. */
export function signupProblem(c: Pick<ConsultationFacts, 'step' | 'state' | 'noticeId' | 'meetingOpenedAt'>): string | null {
  const wrongStep = stepProblem(c, 4, 5);
  if (wrongStep) return wrongStep;
  if (!c.noticeId) return '协商公告发布后才能报名';
  if (c.meetingOpenedAt) return '会议已开始，报名已截止';
  return null;
}

/**
 * First come, first served: a seat while seats are left and nobody is waiting; otherwise the waitlist.
 * Checking the waitlist too stops a newcomer from taking a seat that a cancellation freed for the first
 * person waiting.
 */
export function placeSignup(seatsTaken: number, openSeats: number, waiting: number): 'seated' | 'waitlisted' {
  return seatsTaken < openSeats && waiting === 0 ? 'seated' : 'waitlisted';
}

export type SatisfactionLevel = 'satisfied' | 'basic' | 'dissatisfied';

export const SATISFACTION_LABELS: Record<SatisfactionLevel, string> = {
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
};

/** 满意率 as community reports count it: 满意 plus 基本满意 over all ratings; null with no ratings. */
export function satisfactionRate(counts: Record<SatisfactionLevel, number>): number | null {
  const total = counts.satisfied + counts.basic + counts.dissatisfied;
  return total === 0 ? null : (counts.satisfied + counts.basic) / total;
}
