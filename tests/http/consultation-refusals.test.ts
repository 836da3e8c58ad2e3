import type { ConsultationView } from '@shared/contract';
import { startCloud, type TestCloud } from '../support/cloud';
import { cast, consultationAt, type Cast } from '../support/consultation';
import { DAY_MS } from '@shared/time';

let cloud: TestCloud;
let people: Cast;
/** A consultation still collecting opinions (step 1), which every later step's action must refuse. */
let early: ConsultationView;
/** A consultation at step 4 with its notice out, which every earlier step's action must refuse. */
let later: ConsultationView;

beforeAll(async () => {
  // The host sets up a consultation per refusal within the same minute, past the per-person rate limit, which is
  // tested in rate-limit.test.ts and not part of these refusals.
  cloud = await startCloud({ rateLimitPerMinute: 1000 });
  people = await cast(cloud);
  early = await consultationAt(cloud, people, 1);
  later = await consultationAt(cloud, people, 4);
});
afterAll(() => cloud.close());

const PLAN = { meetingAt: Date.now() + 10 * DAY_MS, place: '议事厅', invited: [], openSeats: 5, agenda: ['表决'], rule: 'majority', quorum: 2, options: ['是', '否'] };

/** [action, data for the consultation id, which consultation is at the wrong step for it]. */
const WRONG_STEP: [string, Record<string, unknown>, 'early' | 'later'][] = [
  ['linkOpinions', { opinionIds: ['op_x'] }, 'later'],
  ['closeCollection', { reason: '提前结束' }, 'later'],
  ['saveTopic', { title: '议题', background: '背景', question: '问题', adoptedOpinionIds: [], adoptionReason: '' }, 'early'],
  ['savePlan', { plan: PLAN }, 'early'],
  ['publishNotice', {}, 'early'],
  ['openMeeting', {}, 'later'],
  ['markPresent', { guestName: '张三', role: '专家' }, 'later'],
  ['recordPoint', { speakerRole: '居民', summary: '发言' }, 'later'],
  ['openVote', {}, 'later'],
  ['closeVote', {}, 'later'],
  ['saveMinutes', { minutes: '纪要' }, 'later'],
  ['publishReport', { responsible: '居委会', milestones: [{ title: '完成', due: Date.now() + DAY_MS }] }, 'later'],
  ['addProgress', { text: '进展' }, 'later'],
  ['markImplemented', {}, 'later'],
  ['close', {}, 'later'],
  ['advance', { fromStep: 3 }, 'later'],
  ['sendBack', { fromStep: 2, reason: '退回' }, 'later'],
];

test.each(WRONG_STEP)('%s at the wrong step is INVALID_STATE naming the current step, and writes nothing', async (action, data, which) => {
  const c = which === 'early' ? early : later;
  const before = cloud.snapshot();
  const res = await people.host.call('consultation', action as 'advance', { id: c.id, ...data } as never);
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect(!res.ok && res.error.message).toContain(`第${c.step}步`);
  expect(cloud.snapshot()).toBe(before);
});

test.each([
  ['signUp', 'early'],
  ['checkIn', 'later'],
  ['vote', 'later'],
  ['rate', 'later'],
] as const)('a resident’s %s at the wrong step is INVALID_STATE and writes nothing', async (action, which) => {
  const c = which === 'early' ? early : later;
  const data = action === 'checkIn' ? { code: 'ABC234' } : action === 'vote' ? { choice: 0 } : action === 'rate' ? { level: 'satisfied' } : {};
  const before = cloud.snapshot();
  const res = await people.residents[0].call('consultation', action as 'vote', { id: c.id, ...data } as never);
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect(cloud.snapshot()).toBe(before);
});

test.each([
  ['create', { communityId: 'c_xingfuli', theme: '', collectFrom: Date.now(), collectTo: Date.now() + 1 }, { theme: '请填写协商主题' }],
  ['create', { communityId: 'c_xingfuli', theme: '加装电梯', collectFrom: Date.now(), collectTo: Date.now() - 1 }, { collectTo: '截止时间须晚于开始时间' }],
  ['savePlan', { id: 'cs_x', plan: { ...PLAN, openSeats: -1, agenda: [] } }, { 'plan.openSeats': '名额不能为负', 'plan.agenda': '请填写议程' }],
  ['postpone', { id: 'cs_x', reason: '' }, { reason: '请填写理由' }],
  ['vote', { id: 'cs_x', choice: 'A' }, { choice: '格式不正确' }],
  ['checkIn', { id: 'cs_x', code: '12' }, { code: '签到码不正确' }],
  ['submitOpinion', { communityId: 'c_xingfuli', title: '短', description: '', category: '不存在' }, { title: '标题至少2个字', description: '请填写内容', category: '请选择有效的分类' }],
])('malformed %s gets VALIDATION with Chinese field messages and writes nothing', async (action, data, fields) => {
  const before = cloud.snapshot();
  const res = await people.host.call('consultation', action as 'create', data as never);
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields } });
  expect(cloud.snapshot()).toBe(before);
});

test('a plan whose options do not fit the rule is refused with the reason', async () => {
  const c = await consultationAt(cloud, people, 3);
  const res = await people.host.call('consultation', 'savePlan', { id: c.id, plan: { ...PLAN, rule: 'consensus', options: ['甲', '乙'] } });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '协商一致只需1个待表决的方案' } });
});

test('a meeting sooner than the notice period needs a recorded reason', async () => {
  const c = await consultationAt(cloud, people, 3);
  await people.host.ok('consultation', 'savePlan', { id: c.id, plan: { ...PLAN, meetingAt: Date.now() + DAY_MS } });
  await people.host.ok('consultation', 'advance', { id: c.id, fromStep: 3 });
  const before = cloud.snapshot();
  const refused = await people.host.call('consultation', 'publishNotice', { id: c.id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', fields: { overrideReason: '请填写提前召开的理由' } } });
  expect(cloud.snapshot()).toBe(before);
  const published = await people.host.ok('consultation', 'publishNotice', { id: c.id, overrideReason: '汛期前必须完成' });
  expect(published.noticeOverrideReason).toBe('汛期前必须完成');
  const notice = await people.residents[0].ok('notice', 'get', { id: published.noticeId! });
  expect(notice.body).toContain('【提前公告说明】汛期前必须完成');
});

test('a postponement after the notice publishes a notice and tells those signed up; before it, no notice', async () => {
  const quiet = await consultationAt(cloud, people, 2);
  const noticesBefore = await cloud.store.count('notices');
  await people.host.ok('consultation', 'postpone', { id: quiet.id, reason: '等待答复' });
  expect(await cloud.store.count('notices')).toBe(noticesBefore);

  const c = await consultationAt(cloud, people, 4);
  await people.residents[3].ok('consultation', 'signUp', { id: c.id });
  await people.host.ok('consultation', 'postpone', { id: c.id, reason: '场地维修', meetingAt: Date.now() + 20 * DAY_MS });
  const feed = await people.residents[0].ok('notice', 'list', { category: '协商公告' });
  expect(feed.items.filter((n) => n.title.startsWith('【延期】'))).toHaveLength(1);
  const inbox = await people.residents[3].ok('user', 'inbox', {});
  expect(inbox.items[0].title).toBe('您报名的议事已延期');
  const resumed = await people.host.ok('consultation', 'resume', { id: c.id });
  expect(resumed.state).toBe('active');
});

test('a topic rejected by staff goes back with the reason, and must be approved before step 3', async () => {
  await people.staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: true } } });
  try {
    const c = await consultationAt(cloud, people, 2);
    await people.host.ok('consultation', 'saveTopic', { id: c.id, title: '议题', background: '背景', question: '问题', adoptedOpinionIds: [], adoptionReason: '' });
    await people.host.ok('consultation', 'requestTopicApproval', { id: c.id });
    const rejected = await people.staff.ok('consultation', 'reviewTopic', { id: c.id, approve: false, reason: '问题表述不清' });
    expect(rejected).toMatchObject({ topicApproval: 'rejected', topicRejectReason: '问题表述不清' });
    expect(rejected.missing).toContain('提交议题给社区工作者审核');
    const blocked = await people.host.call('consultation', 'advance', { id: c.id, fromStep: 2 });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  } finally {
    await people.staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: false } } });
  }
});

test('merging duplicates keeps every supporter once', async () => {
  const [r1, r2, r3, r4] = people.residents;
  const keep = await r1.ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '增加健身器材', description: '小广场', category: '文体活动' });
  const dup = await r2.ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '添置健身器材', description: '同上', category: '文体活动' });
  await r3.ok('consultation', 'support', { id: keep.id });
  await r3.ok('consultation', 'support', { id: dup.id });
  await r4.ok('consultation', 'support', { id: dup.id });
  const merged = await people.host.ok('consultation', 'mergeOpinions', { id: keep.id, duplicateIds: [dup.id] });
  expect(merged.supportCount).toBe(2);
  const pool = await r1.ok('consultation', 'listOpinions', { communityId: 'c_xingfuli' });
  expect(pool.items.map((o) => o.id)).not.toContain(dup.id);
  const again = await r4.call('consultation', 'support', { id: keep.id });
  expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

test('nobody 附议s their own opinion: FORBIDDEN, nothing written, and a merge does not make the author a supporter', async () => {
  const [r1, r2] = people.residents;
  const mine = await r1.ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '希望社区办一次防诈骗讲座', description: '老人接到很多诈骗电话', category: '其他' });
  expect(mine.mine).toBe(true);
  const before = cloud.snapshot();
  expect(await r1.call('consultation', 'support', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能附议自己提的意见' } });
  expect(cloud.snapshot()).toBe(before);

  const theirs = await r2.ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '请民警讲讲防诈骗', description: '同上', category: '其他' });
  await r1.ok('consultation', 'support', { id: theirs.id });
  const merged = await people.host.ok('consultation', 'mergeOpinions', { id: mine.id, duplicateIds: [theirs.id] });
  expect(merged.supportCount).toBe(0);
});

test('a resident’s export holds their opinions, supports, comments, sign-ups and attendance; erasure removes their name from them', async () => {
  const person = await cloud.login('privacy-person');
  const me = await person.ok('user', 'applyResidency', { communityId: 'c_xingfuli', building: '9号楼', unit: '909' });
  await people.staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
  await person.ok('user', 'updateProfile', { nickname: '钱先生' });
  const o = await person.ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '快递柜太少', description: '经常满', category: '其他' });
  await person.ok('consultation', 'comment', { id: o.id, body: '补充一下' });
  const c = await consultationAt(cloud, people, 4);
  await person.ok('consultation', 'signUp', { id: c.id });
  await people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  await people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  await people.host.ok('consultation', 'markPresent', { id: c.id, userId: me.id });

  const exported = await person.ok('user', 'exportMyData', {});
  expect(exported.records.opinions).toHaveLength(1);
  expect(exported.records.opinionComments).toHaveLength(1);
  expect(exported.records.signups).toHaveLength(1);
  expect(exported.records.attendance).toHaveLength(1);

  await person.ok('user', 'deleteMe', { confirm: '删除' });
  const { opinion, comments } = await people.host.ok('consultation', 'getOpinion', { id: o.id });
  expect(opinion.authorName).toBe('已注销用户');
  expect(comments[0].authorName).toBe('已注销用户');
  const signups = await people.host.ok('consultation', 'listSignups', { id: c.id });
  expect(signups.items.map((s) => s.name)).not.toContain('钱先生');
  const attendees = await people.host.ok('consultation', 'listAttendees', { id: c.id });
  expect(attendees.map((a) => a.name)).toContain('已注销用户');
  expect(attendees.map((a) => a.name)).not.toContain('钱先生');
});
