import { consultationActions } from './consultations';
import { meetingActions } from './meeting';
import { opinionActions } from './opinions';
import { reportActions } from './report';

export { OPINION_CATEGORIES, type CommentView, type OpinionCategory, type OpinionView } from './opinions';
export type { ConsultationSummary, ConsultationView, TimelineEntry } from './consultations';
export type { AttendeeView, ConsultationResult, MySeat, PointView, SignupView } from './meeting';
export type { Milestone, ProgressView } from './report';

/** The consultation function's actions: the opinion pool, then a consultation from creation to its report. */
export const consultationContract = { ...opinionActions, ...consultationActions, ...meetingActions, ...reportActions };
