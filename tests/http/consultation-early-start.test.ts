import { HOUR_MS } from '@shared/consultation/opening';
import { cast, consultationAt, type Cast } from '../support/consultation';
import { refusedUnchanged } from '../support/expect';
import { startCloud, type TestCloud } from '../support/cloud';

// The host may open the meeting from the community's early-start window (`earlyStartHours`, default 2) before the
// scheduled time; earlier only with a reason, which lands on the timeline and reaches everyone signed up.

let cloud: TestCloud;
let people: Cast;
beforeEach(async () => {
  cloud = await startCloud();
  people = await cast(cloud);
});
afterEach(() => cloud.close());

/** A consultation at step 5 whose meeting is five days away, with residents[0] seated. */
async function meetingAhead() {
  const c = await consultationAt(cloud, people, 4);
  await people.residents[0].ok('consultation', 'signUp', { id: c.id });
  return people.host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
}

test('opening days early without a reason is refused in Chinese naming the reason field, and nothing is written', async () => {
  const c = await meetingAhead();
  const error = await refusedUnchanged(cloud, 'VALIDATION', () => people.host.call('consultation', 'openMeeting', { id: c.id }));
  expect(error.message).toContain('会前2小时内可以直接开始');
  expect(error.message).toContain('请写明理由');
  expect(error.fields).toEqual({ reason: '提前开始会议，请写明理由' });
  await refusedUnchanged(cloud, 'VALIDATION', () => people.host.call('consultation', 'openMeeting', { id: c.id, reason: '' }));
  await refusedUnchanged(cloud, 'VALIDATION', () => people.host.call('consultation', 'openMeeting', { id: c.id, reason: '   ' }));
});

test('with a reason it opens: the view says when, the timeline shows the reason, everyone signed up is told', async () => {
  const c = await meetingAhead();
  const reason = '暴雨预警，改在今天下午提前开会';
  const opened = await people.host.ok('consultation', 'openMeeting', { id: c.id, reason });
  expect(opened.meetingOpenedAt).toBe(cloud.runtime.now());
  expect(opened.plan!.meetingAt).toBe(c.plan!.meetingAt);
  expect(opened.checkInCode).toMatch(/^[0-9A-Z]{6}$/);

  const timeline = await people.residents[3].ok('consultation', 'timeline', { id: c.id });
  expect(timeline.at(-1)).toMatchObject({ action: 'consultation.openMeetingEarly', label: '提前开始会议', note: reason });
  const trail = await people.staff.ok('user', 'auditTrail', { communityId: 'c_xingfuli', targetId: c.id, limit: 100 });
  expect(trail.items.find((e) => e.action === 'consultation.openMeetingEarly')).toMatchObject({
    after: { step: 5, meetingAt: c.plan!.meetingAt, openedAt: opened.meetingOpenedAt },
    note: reason,
  });

  const seated = await people.residents[0].ok('user', 'inbox', {});
  expect(seated.items[0]).toMatchObject({ title: '您报名的议事会议已提前开始', link: { module: 'consultation', id: c.id } });
  expect(seated.items[0].body).toContain(reason);
  const notSignedUp = await people.residents[1].ok('user', 'inbox', {});
  expect(notSignedUp.items.some((m) => m.title.includes('提前开始'))).toBe(false);
});

test('within the window no reason is needed and nobody is told; a reason given then is not recorded as an early start', async () => {
  const c = await meetingAhead();
  cloud.setNow(c.plan!.meetingAt - 2 * HOUR_MS);
  const before = (await people.residents[0].ok('user', 'inbox', {})).items.length;
  const opened = await people.host.ok('consultation', 'openMeeting', { id: c.id, reason: '大家都到了' });
  expect(opened.meetingOpenedAt).toBe(c.plan!.meetingAt - 2 * HOUR_MS);
  const timeline = await people.residents[0].ok('consultation', 'timeline', { id: c.id });
  expect(timeline.at(-1)).toMatchObject({ action: 'consultation.openMeeting', label: '开始会议', note: null });
  expect((await people.residents[0].ok('user', 'inbox', {})).items.length).toBe(before);
});

test('the window is the community’s setting: at 0 hours even an hour early needs a reason; out of range is refused', async () => {
  const c = await meetingAhead();
  const community = await people.staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { earlyStartHours: 0 } } });
  expect(community.settings.consultation).toMatchObject({ earlyStartHours: 0 });
  cloud.setNow(c.plan!.meetingAt - HOUR_MS);
  const error = await refusedUnchanged(cloud, 'VALIDATION', () => people.host.call('consultation', 'openMeeting', { id: c.id }));
  expect(error.message).toContain('会前0小时内');
  cloud.setNow(c.plan!.meetingAt);
  expect((await people.host.ok('consultation', 'openMeeting', { id: c.id })).meetingOpenedAt).toBe(c.plan!.meetingAt);

  const bad = await refusedUnchanged(cloud, 'VALIDATION', () =>
    people.staff.call('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { earlyStartHours: 100 } } }),
  );
  expect(Object.values(bad.fields ?? {})).toContain('提前开始的小时数最多72小时');
});

test('a community that never set it reads the default of 2 hours', async () => {
  const list = await cloud.anonymous().ok('user', 'listCommunities', {});
  expect(list.find((x) => x.id === 'c_xingfuli')?.settings.consultation).toMatchObject({ earlyStartHours: 2 });
});
