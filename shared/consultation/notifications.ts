import { defineEvent, type EventData, type EventSpec } from '../events';
import { formatShanghai } from '../time';

/** What every consultation message needs: which consultation, under the name people know it by. */
export interface ConsultationEventData extends EventData {
  consultationId: string;
  /** The topic's title once there is one, else the theme. */
  title: string;
}

interface MeetingData extends ConsultationEventData {
  meetingAt: number;
  place: string;
}

interface ChangeData extends ConsultationEventData {
  reason: string;
}

const link = (d: ConsultationEventData) => ({ module: 'consultation', id: d.consultationId });
const page = (d: ConsultationEventData) => `packages/consultation/detail/index?id=${d.consultationId}`;

export const consultationPromoted = defineEvent<MeetingData>({
  type: 'consultation.promoted',
  label: '候补成功',
  when: '有人取消报名，您从候补递补为正式参会人时',
  title: () => '候补成功：您已获得议事席位',
  body: (d) => `您候补的议事“${d.title}”有人取消，您已递补为正式参会人。`,
  link,
  template: { key: 'CONSULTATION_SEAT', page, fields: (d) => ({ thing1: d.title, time2: d.meetingAt, thing3: d.place, thing4: '您已递补为正式参会人' }) },
});

export const consultationPostponed = defineEvent<ChangeData>({
  type: 'consultation.postponed',
  label: '议事延期',
  when: '您报名的议事延期时',
  title: () => '您报名的议事已延期',
  body: (d) => `${d.title}：${d.reason}`,
  link,
  template: { key: 'CONSULTATION_CHANGED', page, fields: (d) => ({ thing1: d.title, phrase2: '已延期', thing3: d.reason }) },
});

export const consultationCancelled = defineEvent<ChangeData>({
  type: 'consultation.cancelled',
  label: '议事取消',
  when: '您报名的议事取消时',
  title: () => '您报名的议事已取消',
  body: (d) => `${d.title}：${d.reason}`,
  link,
  template: { key: 'CONSULTATION_CHANGED', page, fields: (d) => ({ thing1: d.title, phrase2: '已取消', thing3: d.reason }) },
});

export const consultationAnnounced = defineEvent<MeetingData>({
  type: 'consultation.announced',
  label: '议事公告',
  when: '您提的意见被纳入议事、发布协商公告时',
  title: () => '您提的意见要开会商议了',
  body: (d) => `“${d.title}”将于${formatShanghai(d.meetingAt)}在${d.place}协商，欢迎报名参加。`,
  link,
  template: { key: 'CONSULTATION_ANNOUNCED', page, fields: (d) => ({ thing1: d.title, time2: d.meetingAt, thing3: d.place }) },
});

export const consultationOpenedEarly = defineEvent<ChangeData & { meetingAt: number; openedAt: number }>({
  type: 'consultation.openedEarly',
  label: '会议提前开始',
  when: '您报名的议事会议提前开始时',
  title: () => '您报名的议事会议已提前开始',
  body: (d) => `“${d.title}”原定${formatShanghai(d.meetingAt)}召开，已于${formatShanghai(d.openedAt)}提前开始。原因：${d.reason}`,
  link,
  template: { key: 'CONSULTATION_CHANGED', page, fields: (d) => ({ thing1: d.title, phrase2: '提前开始', thing3: d.reason }) },
});

export const consultationResults = defineEvent<ConsultationEventData>({
  type: 'consultation.results',
  label: '议事结果',
  when: '您参加或提过意见的议事公示结果时',
  title: () => '议事结果已公示',
  body: (d) => `“${d.title}”的协商结果和落实安排已公示，欢迎查看。`,
  link,
  template: { key: 'CONSULTATION_RESULT', page, fields: (d) => ({ thing1: d.title, phrase2: '已公示', thing3: '协商结果和落实安排' }) },
});

export const consultationReminder = defineEvent<MeetingData>({
  type: 'consultation.reminder',
  label: '会前提醒',
  when: '您报名成功的议事会议前一天',
  title: () => '明天开会：请按时参加议事',
  body: (d) => `“${d.title}”将于${formatShanghai(d.meetingAt)}在${d.place}召开，请按时参加。`,
  link,
  template: { key: 'CONSULTATION_REMINDER', page, fields: (d) => ({ thing1: d.title, time2: d.meetingAt, thing3: d.place }) },
});

/** The consultation module's events, declared on its manifest, in the order the preferences page lists them. */
export const CONSULTATION_EVENTS: readonly EventSpec[] = [
  consultationAnnounced,
  consultationPromoted,
  consultationReminder,
  consultationPostponed,
  consultationCancelled,
  consultationOpenedEarly,
  consultationResults,
];

/** The templates worth asking for when a resident signs up: everything that can happen to a seat. */
export const SIGNUP_TEMPLATE_KEYS = ['CONSULTATION_SEAT', 'CONSULTATION_REMINDER', 'CONSULTATION_CHANGED'];

/** The template worth asking for when a resident votes: the result. */
export const VOTE_TEMPLATE_KEYS = ['CONSULTATION_RESULT'];
