/**
 * The permission matrix of the consultation function, over HTTP, written by hand from DOMAIN §3 and checked
 * against the contract both ways (a new action without a row fails). Each cell makes fresh, valid input for
 * that caller — a consultation at the right step, and for participant actions the caller's own sign-up and
 * check-in — so a refusal can only come from the permission. A refused call must write nothing.
 */
import { contract } from '@shared/contract';
import { CALLERS } from '../support/callers';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectMatrixCell, outcome } from '../support/expect';
import { cast, consultationAt, type Cast } from '../support/consultation';
import { DAY_MS } from '@shared/time';

const XFL = 'c_xingfuli';
const ROLES = CALLERS;
type RoleName = keyof typeof ROLES;
type Row = Record<RoleName, 'allow' | 'deny'>;

const everyone: Row = { visitor: 'allow', resident: 'allow', host: 'allow', staff: 'allow', admin: 'allow', otherStaff: 'allow', otherResident: 'allow' };
const none: Row = { visitor: 'deny', resident: 'deny', host: 'deny', staff: 'deny', admin: 'deny', otherStaff: 'deny', otherResident: 'deny' };
/** Verified residents of the community (the demo host lives there too). */
const residents: Row = { ...none, resident: 'allow', host: 'allow' };
const hostOrStaff: Row = { ...none, host: 'allow', staff: 'allow' };
const staffOnly: Row = { ...none, staff: 'allow' };

const EXPECTED: Record<string, Row> = {
  submitOpinion: residents,
  listOpinions: everyone,
  getOpinion: everyone,
  support: residents,
  withdrawSupport: residents,
  comment: { ...residents, staff: 'allow' },
  tagOpinion: hostOrStaff,
  mergeOpinions: hostOrStaff,
  create: hostOrStaff,
  list: everyone,
  get: everyone,
  timeline: everyone,
  assignHost: staffOnly,
  advance: hostOrStaff,
  sendBack: hostOrStaff,
  postpone: hostOrStaff,
  resume: hostOrStaff,
  cancel: hostOrStaff,
  linkOpinions: hostOrStaff,
  closeCollection: hostOrStaff,
  saveTopic: hostOrStaff,
  requestTopicApproval: hostOrStaff,
  reviewTopic: staffOnly,
  savePlan: hostOrStaff,
  publishNotice: hostOrStaff,
  signUp: residents,
  cancelSignup: residents,
  listSignups: hostOrStaff,
  openMeeting: hostOrStaff,
  checkIn: residents,
  markPresent: hostOrStaff,
  listAttendees: hostOrStaff,
  recordPoint: hostOrStaff,
  listPoints: everyone,
  openVote: hostOrStaff,
  vote: residents,
  closeVote: hostOrStaff,
  saveMinutes: hostOrStaff,
  publishReport: hostOrStaff,
  addProgress: hostOrStaff,
  listProgress: everyone,
  markImplemented: hostOrStaff,
  rate: residents,
  close: hostOrStaff,
};

interface Ctx {
  cloud: TestCloud;
  people: Cast;
  /** The caller of this cell, so participant actions can be set up for them. */
  caller: Client;
}

/** Tries a set-up call as the caller; for callers who may not do it (the cells under test deny them anyway). */
async function tryAs(caller: Client, fn: 'consultation', action: string, data: Record<string, unknown>) {
  await caller.call(fn, action as 'signUp', data as never);
}

async function opinion(x: Ctx) {
  return x.people.residents[1].ok('consultation', 'submitOpinion', { communityId: XFL, title: '垃圾分类点太远', description: '希望增设', category: '环境卫生' });
}

/** A consultation at the meeting with the caller seated; `stage` goes as far as asked. */
async function meeting(x: Ctx, stage: 'seated' | 'open' | 'checkedIn' | 'voting' | 'voted') {
  const c = await consultationAt(x.cloud, x.people, 4, { openSeats: 10, quorum: 1 });
  await tryAs(x.caller, 'consultation', 'signUp', { id: c.id });
  await x.people.residents[1].ok('consultation', 'signUp', { id: c.id });
  if (stage === 'seated') return c;
  await x.people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  const open = await x.people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  if (stage === 'open') return open;
  await tryAs(x.caller, 'consultation', 'checkIn', { id: c.id, code: open.checkInCode });
  await x.people.residents[1].ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
  if (stage === 'checkedIn') return open;
  await x.people.host.ok('consultation', 'openVote', { id: c.id });
  if (stage === 'voting') return open;
  await x.people.residents[1].ok('consultation', 'vote', { id: c.id, choice: 0 });
  return open;
}

async function reportStage(x: Ctx, stage: 'decided' | 'reported' | 'implemented') {
  const c = await meeting(x, 'voted');
  await x.people.host.ok('consultation', 'closeVote', { id: c.id });
  await x.people.host.ok('consultation', 'saveMinutes', { id: c.id, minutes: '纪要' });
  await x.people.host.ok('consultation', 'advance', { id: c.id, fromStep: 5 });
  if (stage === 'decided') return c;
  await x.people.host.ok('consultation', 'publishReport', { id: c.id, responsible: '居委会', milestones: [{ title: '完成', due: Date.now() + 5 * DAY_MS }] });
  if (stage === 'reported') return c;
  await x.people.host.ok('consultation', 'markImplemented', { id: c.id, ratingDays: 7 });
  return c;
}

const PLAN = { meetingAt: Date.now() + 10 * DAY_MS, place: '议事厅', invited: [], openSeats: 5, agenda: ['表决'], rule: 'majority', quorum: 2, options: ['是', '否'] };

const VALID_INPUT: Record<string, (x: Ctx) => Promise<Record<string, unknown>>> = {
  submitOpinion: async () => ({ communityId: XFL, title: '路灯不亮', description: '东门路灯坏了', category: '设施维修' }),
  listOpinions: async () => ({ communityId: XFL }),
  getOpinion: async (x) => ({ id: (await opinion(x)).id }),
  support: async (x) => ({ id: (await opinion(x)).id }),
  withdrawSupport: async (x) => {
    const o = await opinion(x);
    await tryAs(x.caller, 'consultation', 'support', { id: o.id });
    return { id: o.id };
  },
  comment: async (x) => ({ id: (await opinion(x)).id, body: '同意这个建议' }),
  tagOpinion: async (x) => ({ id: (await opinion(x)).id, tags: ['环境'] }),
  mergeOpinions: async (x) => ({ id: (await opinion(x)).id, duplicateIds: [(await opinion(x)).id] }),
  create: async () => ({ communityId: XFL, theme: '加装电梯', collectFrom: Date.now(), collectTo: Date.now() + DAY_MS }),
  list: async () => ({ communityId: XFL }),
  get: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id }),
  timeline: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id }),
  assignHost: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id, hostId: 'u_demo3' }),
  advance: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 4)).id, fromStep: 4 }),
  sendBack: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 2)).id, fromStep: 2, reason: '重新收集' }),
  postpone: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id, reason: '等待物业答复' }),
  resume: async (x) => {
    const c = await consultationAt(x.cloud, x.people, 1);
    await x.people.host.ok('consultation', 'postpone', { id: c.id, reason: '暂停' });
    return { id: c.id };
  },
  cancel: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id, reason: '问题已解决' }),
  linkOpinions: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id, opinionIds: [(await opinion(x)).id] }),
  closeCollection: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 1)).id, reason: '意见已集中' }),
  saveTopic: async (x) => {
    const c = await consultationAt(x.cloud, x.people, 2);
    return { id: c.id, title: '议题', background: '背景', question: '问题', adoptedOpinionIds: [], adoptionReason: '' };
  },
  requestTopicApproval: async (x) => {
    const c = await consultationAt(x.cloud, x.people, 2);
    await x.people.host.ok('consultation', 'saveTopic', { id: c.id, title: '议题', background: '背景', question: '问题', adoptedOpinionIds: [], adoptionReason: '' });
    await x.people.staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { topicNeedsApproval: true } } });
    return { id: c.id };
  },
  reviewTopic: async (x) => {
    const c = await consultationAt(x.cloud, x.people, 2);
    await x.people.staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { topicNeedsApproval: true } } });
    await x.people.host.ok('consultation', 'saveTopic', { id: c.id, title: '议题', background: '背景', question: '问题', adoptedOpinionIds: [], adoptionReason: '' });
    await x.people.host.ok('consultation', 'requestTopicApproval', { id: c.id });
    await x.people.staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { topicNeedsApproval: false } } });
    return { id: c.id, approve: true };
  },
  savePlan: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 3)).id, plan: PLAN }),
  publishNotice: async (x) => {
    const c = await consultationAt(x.cloud, x.people, 3);
    await x.people.host.ok('consultation', 'savePlan', { id: c.id, plan: PLAN });
    await x.people.host.ok('consultation', 'advance', { id: c.id, fromStep: 3 });
    return { id: c.id };
  },
  signUp: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 4)).id }),
  cancelSignup: async (x) => ({ id: (await meeting(x, 'seated')).id }),
  listSignups: async (x) => ({ id: (await meeting(x, 'seated')).id }),
  openMeeting: async (x) => ({ id: (await consultationAt(x.cloud, x.people, 5)).id, reason: '参会人已到齐，提前开始' }),
  checkIn: async (x) => {
    const c = await meeting(x, 'open');
    return { id: c.id, code: c.checkInCode };
  },
  markPresent: async (x) => ({ id: (await meeting(x, 'open')).id, guestName: '驻区单位代表', role: '驻区单位' }),
  listAttendees: async (x) => ({ id: (await meeting(x, 'checkedIn')).id }),
  recordPoint: async (x) => ({ id: (await meeting(x, 'open')).id, speakerRole: '居民', summary: '建议分批实施' }),
  listPoints: async (x) => ({ id: (await meeting(x, 'open')).id }),
  openVote: async (x) => ({ id: (await meeting(x, 'checkedIn')).id }),
  vote: async (x) => ({ id: (await meeting(x, 'voting')).id, choice: 1 }),
  closeVote: async (x) => ({ id: (await meeting(x, 'voted')).id }),
  saveMinutes: async (x) => ({ id: (await meeting(x, 'open')).id, minutes: '会议纪要' }),
  publishReport: async (x) => ({ id: (await reportStage(x, 'decided')).id, responsible: '物业', milestones: [{ title: '施工', due: Date.now() + 9 * DAY_MS }] }),
  addProgress: async (x) => ({ id: (await reportStage(x, 'reported')).id, text: '材料已到' }),
  listProgress: async (x) => ({ id: (await reportStage(x, 'reported')).id }),
  markImplemented: async (x) => ({ id: (await reportStage(x, 'reported')).id }),
  rate: async (x) => ({ id: (await reportStage(x, 'implemented')).id, level: 'basic' }),
  close: async (x) => ({ id: (await reportStage(x, 'implemented')).id }),
};

const ACTIONS = Object.keys(contract.consultation);

test('every consultation action has an expectation and an input factory, and every row names a real action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  expect(Object.keys(VALID_INPUT).sort()).toEqual([...ACTIONS].sort());
});

describe.each(ACTIONS)('consultation.%s', (action) => {
  let cloud: TestCloud;
  let people: Cast;
  beforeAll(async () => {
    // Every role's case walks the host through a consultation of its own within the same minute, past the
    // per-person rate limit, which is tested in rate-limit.test.ts and not part of this matrix.
    cloud = await startCloud({ rateLimitPerMinute: 1000 });
    people = await cast(cloud);
  });
  afterAll(() => cloud.close());

  test.each(Object.keys(ROLES) as RoleName[])('as %s', async (role) => {
    const caller = await cloud.login(ROLES[role]);
    const data = await VALID_INPUT[action]({ cloud, people, caller });
    await expectMatrixCell(cloud, `${action} as ${role}`, EXPECTED[action][role], () => caller.call('consultation', action as 'get', data as never));
  });

  test('with no sign-in at all', async () => {
    const anonymous = cloud.anonymous();
    const data = await VALID_INPUT[action]({ cloud, people, caller: anonymous });
    const got = outcome(await anonymous.call('consultation', action as 'get', data as never));
    expect(got).toBe(EXPECTED[action].visitor === 'allow' ? 'OK' : 'UNAUTHENTICATED');
  });
});
