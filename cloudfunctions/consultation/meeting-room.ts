import type { Plan } from '@shared/consultation/steps';
import { DEFAULT_MEETING_MINUTES, type MeetingAsk } from '../room/meetings';
import type { ConsultationDoc } from './records';

/** What the meeting asks of 活动室: the plan's room, from its time, for its length; the grid shows the topic. */
export function meetingAsk(c: ConsultationDoc, plan: Pick<Plan, 'meetingAt' | 'meetingMinutes'>, roomId: string): MeetingAsk {
  return {
    consultationId: c._id,
    communityId: c.communityId,
    roomId,
    meetingAt: plan.meetingAt,
    minutes: plan.meetingMinutes ?? DEFAULT_MEETING_MINUTES,
    topic: c.topic?.title ?? c.theme,
  };
}
