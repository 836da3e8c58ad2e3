import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import { cast, consultationAt, type Cast } from '../support/consultation';
import { startCloud, type TestCloud } from '../support/cloud';
import { DAY_MS } from '@shared/time';

let cloud: TestCloud;
let people: Cast;
beforeAll(async () => {
  // Every step of several consultations in one frozen minute, the host's early starts carrying text.
  cloud = await startCloud({ rateLimitPerMinute: 1000 });
  people = await cast(cloud);
});
afterAll(() => cloud.close());

test('a host walks a consultation through all six steps while residents take part', async () => {
  const { host, staff, residents } = people;
  let c = await consultationAt(cloud, people, 4, { openSeats: 2, quorum: 2 });
  expect(c.step).toBe(3 + 1);
  expect(c.noticeId).not.toBeNull();
  const feed = await residents[0].ok('notice', 'list', { category: '协商公告' });
  expect(feed.items.some((n) => n.id === c.noticeId)).toBe(true);
  // The notice carries a button to the consultation, to sign up.
  const announcement = await residents[0].ok('notice', 'get', { id: c.noticeId! });
  expect(announcement.source).toEqual({ module: 'consultation', id: c.id, label: '报名参加' });
  expect(announcement.body).toContain('点本公告下方的“报名参加”');

  const seats = [];
  for (const r of residents.slice(0, 3)) seats.push(await r.ok('consultation', 'signUp', { id: c.id }));
  expect(seats.map((s) => s.status)).toEqual(['seated', 'seated', 'waitlisted']);
  expect(seats[2].waitlistPosition).toBe(1);
  await residents[1].ok('consultation', 'cancelSignup', { id: c.id });
  const promoted = await residents[2].ok('consultation', 'get', { id: c.id });
  expect(promoted.me.status).toBe('seated');
  const inbox = await residents[2].ok('user', 'inbox', {});
  expect(inbox.items[0].title).toContain('候补成功');

  c = await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  c = await host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  expect(c.checkInCode).toMatch(/^[0-9A-Z]{6}$/);
  const code = c.checkInCode!;
  await residents[0].ok('consultation', 'checkIn', { id: c.id, code });
  await residents[2].ok('consultation', 'checkIn', { id: c.id, code });
  await host.ok('consultation', 'markPresent', { id: c.id, guestName: '物业刘经理', role: '物业' });
  await host.ok('consultation', 'recordPoint', { id: c.id, speakerRole: '物业', summary: '物业同意配合管理。' });
  await host.ok('consultation', 'openVote', { id: c.id });
  await residents[0].ok('consultation', 'vote', { id: c.id, choice: 0 });
  await residents[2].ok('consultation', 'vote', { id: c.id, choice: 0 });
  c = await host.ok('consultation', 'closeVote', { id: c.id });
  expect(c.result).toMatchObject({ outcome: 'decided', winner: 0, counts: [2, 0], attendance: 3 });
  // The result is written with the close, in its transaction, and recorded with it.
  const trail = await staff.ok('user', 'auditTrail', { communityId: 'c_xingfuli', targetId: c.id, limit: 100 });
  expect(trail.items.find((e) => e.action === 'consultation.closeVote' && e.targetId === c.id)).toMatchObject({ after: { attendance: 3, votes: 2, outcome: 'decided' } });
  expect(await host.call('consultation', 'closeVote', { id: c.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: '表决已结束' } });
  await host.ok('consultation', 'saveMinutes', { id: c.id, minutes: '会议同意签订夜间错峰停车协议。' });
  c = await host.ok('consultation', 'advance', { id: c.id, fromStep: 5 });
  expect(c.step).toBe(6);

  c = await host.ok('consultation', 'publishReport', { id: c.id, responsible: '社区居委会 李书记', milestones: [{ title: '签订协议', due: Date.now() + 10 * DAY_MS }] });
  const report = await residents[3].ok('notice', 'get', { id: c.reportNoticeId! });
  expect(report.category).toBe('结果公示');
  expect(report.source).toEqual({ module: 'consultation', id: c.id, label: '查看结果' });
  expect(report.body).toContain('同意签订 2票');
  await host.ok('consultation', 'addProgress', { id: c.id, text: '协议已签订。', milestoneDone: 0 });
  c = await host.ok('consultation', 'markImplemented', { id: c.id, ratingDays: 7 });
  await residents[0].ok('consultation', 'rate', { id: c.id, level: 'satisfied' });
  await residents[3].ok('consultation', 'rate', { id: c.id, level: 'dissatisfied', comment: '希望更快' });
  c = await staff.ok('consultation', 'close', { id: c.id });
  expect(c.state).toBe('closed');
  expect(c.satisfactionRate).toBe(0.5);

  const timeline = await residents[3].ok('consultation', 'timeline', { id: c.id });
  const labels = timeline.map((t) => t.label);
  expect(labels).toEqual(expect.arrayContaining(['发起议事', '进入下一步', '发布协商公告', '提前开始会议', '结束表决', '发布结果公示', '结束议事']));
  expect(labels).not.toContain('投票');
  // Sealed as the cron would a minute later; then the whole consultation is in a chain that verifies.
  expect(await sealAudit(cloud.store, 'c_xingfuli', cloud.runtime.now() + SEALING_WINDOW_MS)).toBeGreaterThan(0);
  const chain = await staff.ok('user', 'verifyAuditChain', { communityId: 'c_xingfuli' });
  expect(chain).toMatchObject({ ok: true, unsealed: 0 });
  expect(chain.checked).toBeGreaterThan(20);
  const sealedTimeline = await residents[3].ok('consultation', 'timeline', { id: c.id });
  expect(sealedTimeline.map((t) => t.id)).toEqual(timeline.map((t) => t.id));
  expect(sealedTimeline.every((t) => t.sealed && t.seq > 0)).toBe(true);
});

test('advancing tells the host exactly what is missing', async () => {
  const c = await people.host.ok('consultation', 'create', { communityId: 'c_xingfuli', theme: '楼道堆物清理', collectFrom: Date.now(), collectTo: Date.now() + DAY_MS });
  expect(c.missing).toEqual(['至少收集到1条居民意见', '等待意见收集期结束，或提前结束收集并说明理由']);
  const res = await people.host.call('consultation', 'advance', { id: c.id, fromStep: 1 });
  expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  expect(!res.ok && res.error.message).toContain('至少收集到1条居民意见');
});

test('the host’s pool picker lists only opinions not yet in a consultation; staff’s queue lists pending topics', async () => {
  const { host, staff, residents } = people;
  const free = await residents[1].ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '小区缺少休息座椅', description: '老人散步没处坐', category: '设施维修' });
  const c = await host.ok('consultation', 'create', { communityId: 'c_xingfuli', theme: '座椅', collectFrom: Date.now() - DAY_MS, collectTo: Date.now() + DAY_MS });
  const taken = await residents[1].ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', consultationId: c.id, title: '东门加座椅', description: '东门', category: '设施维修' });
  const unlinked = await host.ok('consultation', 'listOpinions', { communityId: 'c_xingfuli', unlinked: true, limit: 100 });
  expect(unlinked.items.map((o) => o.id)).toContain(free.id);
  expect(unlinked.items.map((o) => o.id)).not.toContain(taken.id);

  await staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: true } } });
  try {
    await host.ok('consultation', 'closeCollection', { id: c.id, reason: '够了' });
    await host.ok('consultation', 'advance', { id: c.id, fromStep: 1 });
    await host.ok('consultation', 'saveTopic', { id: c.id, title: '东门加座椅', background: '老人多', question: '加几张', adoptedOpinionIds: [taken.id], adoptionReason: '需求明确' });
    expect((await staff.ok('consultation', 'list', { communityId: 'c_xingfuli', topicPending: true })).items).toHaveLength(0);
    await host.ok('consultation', 'requestTopicApproval', { id: c.id });
    const queue = await staff.ok('consultation', 'list', { communityId: 'c_xingfuli', topicPending: true });
    expect(queue.items.map((x) => [x.id, x.topicApproval])).toEqual([[c.id, 'pending']]);
  } finally {
    await staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: false } } });
  }
});

test('while the vote is open the host sees how many have voted, residents do not', async () => {
  const { host, residents } = people;
  const c = await consultationAt(cloud, people, 4, { openSeats: 5, quorum: 1 });
  for (const r of residents.slice(0, 3)) await r.ok('consultation', 'signUp', { id: c.id });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  const open = await host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  for (const r of residents.slice(0, 3)) await r.ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
  expect((await host.ok('consultation', 'openVote', { id: c.id })).votesCast).toBe(0);
  await residents[0].ok('consultation', 'vote', { id: c.id, choice: 1 });
  await residents[1].ok('consultation', 'vote', { id: c.id, choice: 0 });
  expect((await host.ok('consultation', 'get', { id: c.id })).votesCast).toBe(2);
  expect((await residents[2].ok('consultation', 'get', { id: c.id })).votesCast).toBeNull();
  expect((await host.ok('consultation', 'closeVote', { id: c.id })).votesCast).toBeNull();
});

test('people whose opinions went in hear when it is announced, and everyone taking part hears when results are out', async () => {
  const { host, residents } = people;
  const c = await consultationAt(cloud, people, 4, { openSeats: 3, quorum: 1 });
  const author = residents[0];
  const announced = (await author.ok('user', 'inbox', {})).items.find((m) => m.link?.id === c.id);
  expect(announced?.title).toBe('您提的意见要开会商议了');

  await residents[2].ok('consultation', 'signUp', { id: c.id });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  const open = await host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  await residents[2].ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
  await host.ok('consultation', 'openVote', { id: c.id });
  await residents[2].ok('consultation', 'vote', { id: c.id, choice: 0 });
  await host.ok('consultation', 'closeVote', { id: c.id });
  await host.ok('consultation', 'saveMinutes', { id: c.id, minutes: '通过' });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 5 });
  await host.ok('consultation', 'publishReport', { id: c.id, responsible: '居委会', milestones: [{ title: '完成', due: Date.now() + 3 * DAY_MS }] });
  for (const person of [author, residents[2]]) {
    const titles = (await person.ok('user', 'inbox', {})).items.filter((m) => m.link?.id === c.id).map((m) => m.title);
    expect(titles.filter((t) => t === '议事结果已公示')).toHaveLength(1);
  }
  expect((await residents[3].ok('user', 'inbox', {})).items.some((m) => m.link?.id === c.id)).toBe(false);
});

test('check-in and vote answer with the caller’s seat as it now stands, matching a fresh read', async () => {
  const { host, residents } = people;
  const c = await consultationAt(cloud, people, 4, { openSeats: 3, quorum: 1 });
  await residents[1].ok('consultation', 'signUp', { id: c.id });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  const open = await host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  const checkedIn = await residents[1].ok('consultation', 'checkIn', { id: c.id, code: open.checkInCode! });
  expect(checkedIn).toEqual((await residents[1].ok('consultation', 'get', { id: c.id })).me);
  // A walk-in the host registers has no sign-up, and still votes.
  const walkIn = await residents[3].ok('user', 'me', {});
  await host.ok('consultation', 'markPresent', { id: c.id, userId: walkIn.id, role: '居民' });
  await host.ok('consultation', 'openVote', { id: c.id });
  const seated = await residents[1].ok('consultation', 'vote', { id: c.id, choice: 0 });
  const walked = await residents[3].ok('consultation', 'vote', { id: c.id, choice: 1 });
  expect(seated).toEqual((await residents[1].ok('consultation', 'get', { id: c.id })).me);
  expect(walked).toEqual((await residents[3].ok('consultation', 'get', { id: c.id })).me);
  expect(walked).toMatchObject({ status: null, checkedIn: true, voted: true });
});
