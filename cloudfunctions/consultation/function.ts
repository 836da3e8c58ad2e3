import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { closeCollection, linkOpinions } from './collect';
import { advance, assignHost, cancel, close, create, get, list, postpone, resume, sendBack, timeline } from './lifecycle';
import { checkIn, closeVote, listAttendees, listPoints, markPresent, openMeeting, openVote, recordPoint, saveMinutes, vote } from './meeting';
import { comment, getOpinion, listOpinions, mergeOpinions, submitOpinion, support, tagOpinion, withdrawSupport } from './opinions';
import { addProgress, listProgress, markImplemented, publishReport, rate } from './report';
import { cancelSignup, listSignups, publishNotice, signUp } from './signup';
import { requestTopicApproval, reviewTopic, savePlan, saveTopic } from './topic';

export const consultationFunction = defineFunction('consultation', contract.consultation, {
  submitOpinion,
  listOpinions,
  getOpinion,
  support,
  withdrawSupport,
  comment,
  tagOpinion,
  mergeOpinions,
  create,
  list,
  get,
  timeline,
  assignHost,
  advance,
  sendBack,
  postpone,
  resume,
  cancel,
  linkOpinions,
  closeCollection,
  saveTopic,
  requestTopicApproval,
  reviewTopic,
  savePlan,
  publishNotice,
  signUp,
  cancelSignup,
  listSignups,
  openMeeting,
  checkIn,
  markPresent,
  listAttendees,
  recordPoint,
  listPoints,
  openVote,
  vote,
  closeVote,
  saveMinutes,
  publishReport,
  addProgress,
  listProgress,
  markImplemented,
  rate,
  close,
});
