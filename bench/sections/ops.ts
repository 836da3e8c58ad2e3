import { contract } from '@shared/contract';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import type { RequestMetrics } from '../../cloudfunctions/core/runtime';
import { CountingStore } from '../../cloudfunctions/core/store/counting';
import { startCloud } from '../../tests/support/cloud';
import { cast, consultationAt } from '../../tests/support/consultation';
import { PROJECTS, roundPlan } from '../../tests/support/budget';
import type { Client } from '../../tests/support/cloud';
import type { Row } from '../table';
import { roomSession } from './room-session';
import { COUNT_SETTLE_MS } from '@shared/budget/phases';
import { DAY_MS } from '@shared/time';

/**
 * Database operations per action (CloudBase bills each one). A scripted session touches every action of
 * every function once or more; each figure is the mean over its successful calls, as reads / writes. Create actions
 * carry a request key, as the app's do.
 */
export async function ops(): Promise<Row[]> {
  const cloud = await startCloud({ requestKeys: true });
  try {
    await script(cloud);
    return [...summarise(cloud.requests), await sealing(cloud)];
  } finally {
    await cloud.close();
  }
}

function summarise(requests: RequestMetrics[]): Row[] {
  const rows: Row[] = [];
  for (const [fn, actions] of Object.entries(contract)) {
    for (const action of Object.keys(actions)) {
      const done = requests.filter((r) => r.fn === fn && r.action === action && r.code === 'OK');
      if (!done.length) {
        rows.push({ section: 'db ops', figure: `${fn}.${action}`, value: '未测', unit: '' });
        continue;
      }
      const mean = (k: 'reads' | 'writes') => Math.round((done.reduce((n, r) => n + r[k], 0) / done.length) * 10) / 10;
      rows.push({ section: 'db ops', figure: `${fn}.${action}`, value: `${mean('reads')} 读 / ${mean('writes')} 写`, unit: `(${done.length}次)` });
    }
  }
  return rows;
}

/**
 * What the cron's sealer costs per entry it links into the chain, for everything the script recorded: requests
 * write their entries unchained, and the chain's links and head are written here, in batches.
 */
async function sealing(cloud: Awaited<ReturnType<typeof startCloud>>): Promise<Row> {
  const store = new CountingStore(cloud.store);
  let sealed = 0;
  let linked: number;
  do {
    linked = await sealAudit(store, 'all', cloud.runtime.now() + SEALING_WINDOW_MS);
    sealed += linked;
  } while (linked > 0);
  const per = (k: 'reads' | 'writes') => Math.round((store.ops[k] / sealed) * 100) / 100;
  return { section: 'db ops', figure: 'audit sealing (cron)', value: `${per('reads')} 读 / ${per('writes')} 写 每条`, unit: `(${sealed}条)` };
}

async function script(cloud: Awaited<ReturnType<typeof startCloud>>): Promise<void> {
  const people = await cast(cloud);
  const { host, staff, residents } = people;
  const admin = await cloud.login('demo-admin');
  const visitor = await cloud.login('bench-visitor');

  // user
  const me = await visitor.ok('user', 'me', {});
  await visitor.ok('user', 'updateProfile', { nickname: '新邻居' });
  await visitor.ok('user', 'listCommunities', {});
  await visitor.ok('user', 'applyResidency', { communityId: 'c_xingfuli', building: '7号楼', unit: '101' });
  await staff.ok('user', 'listResidencyApplications', { communityId: 'c_xingfuli' });
  await staff.ok('user', 'countResidencyApplications', {});
  await staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
  await staff.ok('user', 'listMembers', { communityId: 'c_xingfuli' });
  await staff.ok('user', 'listMembers', { communityId: 'c_xingfuli', building: '3号楼', unit: '2单元' });
  await staff.ok('user', 'listRoleHolders', { communityId: 'c_xingfuli', role: 'host' });
  await admin.ok('user', 'findUsers', { query: '新邻居' });
  await staff.ok('user', 'grantHost', { communityId: 'c_xingfuli', userId: me.id });
  await staff.ok('user', 'revokeHost', { communityId: 'c_xingfuli', userId: me.id });
  const community = await admin.ok('user', 'createCommunity', { name: '新建社区' });
  await admin.ok('user', 'assignStaff', { communityId: community.id, userId: me.id });
  await admin.ok('user', 'removeStaff', { communityId: community.id, userId: me.id });
  await staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { noticeDays: 3 } } });
  await staff.ok('user', 'auditTrail', { communityId: 'c_xingfuli' });
  await staff.ok('user', 'verifyAuditChain', { communityId: 'c_xingfuli' });

  // notice
  const draft = await staff.ok('notice', 'create', { communityId: 'c_xingfuli', category: '通知', title: '测试公告', body: '正文' });
  await staff.ok('notice', 'update', { id: draft.id, body: '修改后的正文' });
  await staff.ok('notice', 'publish', { id: draft.id });
  await staff.ok('notice', 'pin', { id: draft.id, pinned: true });
  await residents[0].ok('notice', 'list', {});
  await residents[0].ok('notice', 'get', { id: draft.id });
  await residents[0].ok('notice', 'get', { id: draft.id });
  await staff.ok('notice', 'getManaged', { id: draft.id });
  await staff.ok('notice', 'listManaged', { communityId: 'c_xingfuli' });
  await staff.ok('notice', 'unpublish', { id: draft.id });

  // cron: one run that publishes a scheduled notice (sealing waits for the section below)
  const scheduled = await staff.ok('notice', 'create', { communityId: 'c_xingfuli', category: '通知', title: '定时公告', body: '正文' });
  await staff.ok('notice', 'publish', { id: scheduled.id, publishAt: cloud.runtime.now() + 1000 });
  const tick = await cloud.tick(cloud.runtime.now() + 1000);
  if (!tick.ok) throw new Error(`cron.tick failed: ${tick.error.code}`);

  // consultation: the opinion pool
  const a = await residents[0].ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '楼道灯坏了', description: '3号楼楼道灯不亮', category: '设施维修' });
  const b = await residents[1].ok('consultation', 'submitOpinion', { communityId: 'c_xingfuli', title: '楼道灯不亮', description: '晚上很黑', category: '设施维修' });
  await residents[2].ok('consultation', 'support', { id: b.id });
  await residents[2].ok('consultation', 'withdrawSupport', { id: b.id });
  await residents[3].ok('consultation', 'support', { id: b.id });
  await residents[2].ok('consultation', 'comment', { id: a.id, body: '同感' });
  await host.ok('consultation', 'tagOpinion', { id: a.id, tags: ['照明'] });
  await host.ok('consultation', 'mergeOpinions', { id: a.id, duplicateIds: [b.id] });
  await residents[0].ok('consultation', 'listOpinions', { communityId: 'c_xingfuli', sort: 'support' });
  await residents[0].ok('consultation', 'getOpinion', { id: a.id });

  // consultation: steps 1–3 with the pool, approval and host changes
  await staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: true } } });
  let c = await host.ok('consultation', 'create', { communityId: 'c_xingfuli', theme: '楼道照明', collectFrom: Date.now() - DAY_MS, collectTo: Date.now() + DAY_MS });
  await host.ok('consultation', 'linkOpinions', { id: c.id, opinionIds: [a.id] });
  await host.ok('consultation', 'closeCollection', { id: c.id, reason: '意见集中' });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 1 });
  await host.ok('consultation', 'saveTopic', { id: c.id, title: '更换楼道灯', background: '灯坏', question: '是否更换为声控灯', adoptedOpinionIds: [a.id], adoptionReason: '附议多' });
  await host.ok('consultation', 'requestTopicApproval', { id: c.id });
  await staff.ok('consultation', 'reviewTopic', { id: c.id, approve: true });
  await staff.ok('consultation', 'assignHost', { id: c.id, hostId: 'u_demo3' });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 2 });
  await host.ok('consultation', 'sendBack', { id: c.id, fromStep: 3, reason: '补充背景' });
  await host.ok('consultation', 'postpone', { id: c.id, reason: '等物业答复' });
  await host.ok('consultation', 'resume', { id: c.id });
  await host.ok('consultation', 'cancel', { id: c.id, reason: '物业已自行修好' });
  await staff.ok('user', 'updateCommunitySettings', { communityId: 'c_xingfuli', settings: { consultation: { topicNeedsApproval: false } } });

  // consultation: a whole meeting
  c = await consultationAt(cloud, people, 4, { openSeats: 2, quorum: 2 });
  await residents[0].ok('consultation', 'get', { id: c.id });
  await residents[0].ok('consultation', 'list', {});
  for (const r of residents.slice(0, 3)) await r.ok('consultation', 'signUp', { id: c.id });
  await residents[1].ok('consultation', 'cancelSignup', { id: c.id });
  await host.ok('consultation', 'listSignups', { id: c.id });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  c = await host.ok('consultation', 'openMeeting', { id: c.id, reason: '参会人已到齐，提前开始' });
  await residents[0].ok('consultation', 'checkIn', { id: c.id, code: c.checkInCode! });
  await residents[2].ok('consultation', 'checkIn', { id: c.id, code: c.checkInCode! });
  await host.ok('consultation', 'markPresent', { id: c.id, guestName: '物业经理', role: '物业' });
  await host.ok('consultation', 'listAttendees', { id: c.id });
  await host.ok('consultation', 'recordPoint', { id: c.id, speakerRole: '物业', summary: '同意配合' });
  await residents[0].ok('consultation', 'listPoints', { id: c.id });
  await host.ok('consultation', 'openVote', { id: c.id });
  await residents[0].ok('consultation', 'vote', { id: c.id, choice: 0 });
  await residents[2].ok('consultation', 'vote', { id: c.id, choice: 1 });
  await host.ok('consultation', 'closeVote', { id: c.id });
  await host.ok('consultation', 'saveMinutes', { id: c.id, minutes: '纪要' });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 5 });
  await host.ok('consultation', 'publishReport', { id: c.id, responsible: '居委会', milestones: [{ title: '完成', due: Date.now() + 7 * DAY_MS }] });
  await host.ok('consultation', 'addProgress', { id: c.id, text: '已开工' });
  await residents[0].ok('consultation', 'listProgress', { id: c.id });
  await host.ok('consultation', 'markImplemented', { id: c.id, ratingDays: 7 });
  await residents[0].ok('consultation', 'rate', { id: c.id, level: 'satisfied' });
  await host.ok('consultation', 'close', { id: c.id });
  await residents[0].ok('consultation', 'timeline', { id: c.id });

  await budget(cloud, staff, host, admin, residents);

  // notify: the settings page and 通知发件箱 (locally no template is configured, so nothing is counted as accepted)
  await residents[0].ok('notify', 'templates', {});
  await residents[0].ok('notify', 'preferences', {});
  await residents[0].ok('notify', 'setPreference', { event: 'consultation.results', on: false });
  await residents[0].ok('notify', 'subscribed', { templateIds: ['tpl-bench'] });
  await staff.ok('notify', 'listOutbox', { communityId: 'c_xingfuli', limit: 20 });

  await wishSession(cloud, people);
  await roomSession(cloud, staff, residents);

  // privacy last: it erases the account
  await residents[2].ok('user', 'inbox', {});
  const inbox = await residents[2].ok('user', 'inbox', {});
  if (inbox.items.length) await residents[2].ok('user', 'markInboxRead', { ids: inbox.items.map((m) => m.id) });
  await visitor.ok('user', 'exportMyData', {});
  await visitor.ok('user', 'deleteMe', { confirm: '删除' });
}

/** 创享计划: a round from proposals to a rated project, every action once or more (castBallot by four residents). */
async function budget(cloud: Awaited<ReturnType<typeof startCloud>>, staff: Client, host: Client, admin: Client, residents: Client[]): Promise<void> {
  const now = cloud.runtime.now();
  // A second staff member countersigns the paper ballot.
  await admin.ok('user', 'assignStaff', { communityId: 'c_xingfuli', userId: (await host.ok('user', 'me', {})).id });
  let round = await staff.ok('budget', 'createRound', roundPlan(now));
  await staff.ok('budget', 'updateRound', { id: round.id, description: '社区微更新' });
  await residents[0].ok('budget', 'listRounds', { communityId: 'c_xingfuli' });
  const proposals = [];
  for (const [i, p] of PROJECTS.entries()) proposals.push(await residents[i].ok('budget', 'submitProposal', { id: round.id, ...p, description: p.title }));
  const dup = await staff.ok('budget', 'submitProposal', { id: round.id, ...PROJECTS[0], description: '重复', onBehalf: { kind: 'resident', name: '王奶奶' } });
  await residents[0].ok('budget', 'editProposal', { id: proposals[0].id, location: '1至4号楼' });
  await residents[1].ok('budget', 'supportProposal', { id: proposals[0].id });
  await residents[2].ok('budget', 'supportProposal', { id: proposals[0].id });
  await residents[2].ok('budget', 'withdrawSupport', { id: proposals[0].id });
  await residents[0].ok('budget', 'listProposals', { roundId: round.id });
  await residents[0].ok('budget', 'getProposal', { id: proposals[0].id });
  await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'collect' });
  await staff.ok('budget', 'mergeProposals', { id: proposals[0].id, duplicateIds: [dup.id] });
  for (const p of proposals) await staff.ok('budget', 'reviewProposal', { id: p.id, verdict: 'eligible' });
  round = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'review' });
  const [a, b, c] = round.ballotProjects.map((p) => p.id);
  for (const [i, r] of residents.entries()) await r.ok('budget', 'castBallot', { id: round.id, projects: i % 2 ? [a, b] : [c] });
  await residents[0].ok('budget', 'getRound', { id: round.id });
  const paper = await staff.ok('budget', 'enterPaperBallot', { id: round.id, projects: [a], reason: '老人不会用手机', building: '9号楼', unit: '101', name: '王奶奶' });
  await staff.ok('budget', 'listPaperBallots', { id: round.id });
  await host.ok('budget', 'countersignPaperBallot', { id: round.id, paperId: paper.id });
  await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'voting' });
  cloud.setNow(now + COUNT_SETTLE_MS);
  await staff.ok('budget', 'publishResults', { id: round.id });
  const ballots = await residents[0].ok('budget', 'listBallots', { id: round.id });
  await residents[0].ok('budget', 'findBallot', { id: round.id, receipt: ballots.items[0].receipt });
  const pb = await residents[0].ok('budget', 'exportPb', { id: round.id });
  await staff.ok('budget', 'exportExcel', { id: round.id });
  await staff.ok('budget', 'importPb', { communityId: 'c_xingfuli', name: '复算测试', text: pb.text });
  round = await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'results' });
  const won = round.results!.winners[0];
  await staff.ok('budget', 'setMilestones', { id: won, milestones: [{ title: '完工', due: now + 30 * DAY_MS }] });
  await staff.ok('budget', 'addImplementationUpdate', { id: won, text: '完工', progress: 100, spent: 1000, milestoneDone: 0 });
  await residents[0].ok('budget', 'listImplementationUpdates', { id: won });
  await residents[0].ok('budget', 'rateProject', { id: won, level: 'satisfied' });
  await residents[0].ok('budget', 'roundTimeline', { id: round.id });
}

/** 微心愿: a wish from submission to thanks, a 代办 one, the wall, the ledger and the 爱心单位, each action once or more. */
async function wishSession(cloud: Awaited<ReturnType<typeof startCloud>>, { staff, residents }: Awaited<ReturnType<typeof cast>>): Promise<void> {
  const XFL = 'c_xingfuli';
  const [wisher, volunteer, neighbour] = residents;
  const wish = (title: string) => ({ communityId: XFL, name: '张秀英', phone: '13800138000', title, description: '', category: '生活用品', estimatedValue: 80, deadline: Date.now() + 14 * DAY_MS });
  const promisedDate = Date.now() + 3 * DAY_MS;
  for (const title of ['想要一台收音机', '想学用智能手机']) {
    const w = await wisher.ok('wish', 'submit', wish(title));
    await staff.ok('wish', 'review', { id: w.id, approve: true });
  }
  const rejected = await wisher.ok('wish', 'submit', wish('想换个灯泡'));
  await staff.ok('wish', 'review', { id: rejected.id, approve: false, reason: '已转物业' });
  const wall = await neighbour.ok('wish', 'wall', { communityId: XFL });
  await cloud.anonymous().ok('wish', 'wall', { communityId: XFL, onlyClaimable: true });
  const [second, first] = wall.items;
  await neighbour.ok('wish', 'get', { id: first.id });
  await volunteer.ok('wish', 'claim', { id: first.id, promisedDate });
  await volunteer.ok('wish', 'claim', { id: second.id, promisedDate });
  await volunteer.ok('wish', 'release', { id: second.id });
  await neighbour.ok('wish', 'claim', { id: second.id, promisedDate });
  await volunteer.ok('wish', 'fulfil', { id: first.id, note: '收音机已送到', photos: [] });
  await wisher.ok('wish', 'confirm', { id: first.id, thanks: '谢谢！' });
  await wisher.ok('wish', 'timeline', { id: first.id });
  const third = await wisher.ok('wish', 'submit', wish('想要一副老花镜'));
  await wisher.ok('wish', 'withdraw', { id: third.id });
  const proxy = await staff.ok('wish', 'proxySubmit', { ...wish('想请人修门锁'), name: '王阿姨', building: '4号楼', address: '2单元102', category: '维修帮忙' });
  await volunteer.ok('wish', 'claim', { id: proxy.id, promisedDate });
  await staff.ok('wish', 'confirmByPhone', { id: proxy.id, note: '电话回访，门锁已修好' });
  await wisher.ok('wish', 'mine', {});
  await volunteer.ok('wish', 'myClaims', {});
  await staff.ok('wish', 'manage', { communityId: XFL, status: 'submitted' });
  const points = await volunteer.ok('wish', 'myPoints', {});
  await neighbour.ok('wish', 'leaderboard', { communityId: XFL, period: 'month' });
  await staff.ok('wish', 'correctPoints', { entryId: points.entries.items[0].id, reason: '重复登记，予以冲正' });
  const org = await cloud.login('bench-org');
  const orgMe = await org.ok('user', 'me', {});
  await org.ok('wish', 'applyOrg', { communityId: XFL, orgName: '幸福里爱心超市', contactPhone: '13900139000' });
  await org.ok('wish', 'myOrg', {});
  await staff.ok('wish', 'listOrgs', { communityId: XFL });
  await staff.ok('wish', 'grantOrg', { communityId: XFL, userId: orgMe.id });
  await staff.ok('wish', 'revokeOrg', { communityId: XFL, userId: orgMe.id });
}
