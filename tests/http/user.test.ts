/**
 * The user function over HTTP through the local cloud: every action on its happy path and its main refusals.
 * Each describe block gets its own freshly seeded cloud, so the blocks do not depend on one another's writes.
 */
import Database from 'better-sqlite3';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

const XFL = 'c_xingfuli';
const HEPING = 'c_heping';




describe('me and updateProfile', () => {
  const c = withCloud();

  test('the first `me` creates the record, later calls return the same one', async () => {
    const visitor = await c.cloud().login('first-timer');
    const first = await visitor.ok('user', 'me', {});
    expect(first).toMatchObject({ nickname: '', residency: null, roles: [], admin: false });
    const second = await visitor.ok('user', 'me', {});
    expect(second.id).toBe(first.id);
  });

  test('simultaneous first calls still make one record', async () => {
    const newcomer = await c.cloud().login('racing-newcomer');
    const views = await Promise.all(Array.from({ length: 8 }, () => newcomer.ok('user', 'me', {})));
    expect(new Set(views.map((v) => v.id)).size).toBe(1);
    expect(await c.cloud().store.count('users', { openid: 'racing-newcomer' })).toBe(1);
  });

  test('a seeded resident sees their verified residency with the community name', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    expect(await resident.ok('user', 'me', {})).toMatchObject({
      nickname: '张阿姨',
      residency: { communityId: XFL, communityName: '幸福里社区', building: '1号楼', status: 'approved' },
    });
  });

  test('without sign-in → UNAUTHENTICATED', async () => {
    expectError(await c.cloud().anonymous().call('user', 'me', {}), 'UNAUTHENTICATED');
  });

  test('updateProfile changes the nickname and avatar', async () => {
    const resident = await c.cloud().login('demo-resident-2');
    const view = await resident.ok('user', 'updateProfile', { nickname: '刘大爷爷', avatarFileId: 'local://files/a.png' });
    expect(view).toMatchObject({ nickname: '刘大爷爷', avatarFileId: 'local://files/a.png' });
    expect((await resident.ok('user', 'me', {})).nickname).toBe('刘大爷爷');
  });

  test('a nickname that fails the content check is refused, naming the field, and not stored', async () => {
    const resident = await c.cloud().login('demo-resident-2');
    const error = await refusedUnchanged(c.cloud(), 'CONTENT_REJECTED', () => resident.call('user', 'updateProfile', { nickname: '赌博王' }));
    expect(error.message).toContain('昵称');
    expect(error.fields).toHaveProperty('nickname');
  });

  test('malformed profile input → VALIDATION with Chinese field messages', async () => {
    const resident = await c.cloud().login('demo-resident-2');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      resident.call('user', 'updateProfile', { nickname: '长'.repeat(21), avatarFileId: 'http://evil/a.png' }),
    );
    expect(error.fields).toEqual({ nickname: '昵称不能超过20个字', avatarFileId: '头像格式不正确' });
  });
});

describe('communities', () => {
  const c = withCloud();

  test('anyone can list the communities of the street', async () => {
    const list = await c.cloud().anonymous().ok('user', 'listCommunities', {});
    expect(list.map((x) => x.name).sort()).toEqual(['和平社区', '幸福里社区'].sort());
    expect(list[0].settings.consultation).toEqual({ noticeDays: 3, topicNeedsApproval: false });
  });

  test('the admin creates a community and assigns and removes its staff', async () => {
    const admin = await c.cloud().login('demo-admin');
    const community = await admin.ok('user', 'createCommunity', { name: '光明社区' });
    expect(community).toMatchObject({ name: '光明社区', streetId: 'street_demo' });
    expect((await admin.ok('user', 'listCommunities', {})).map((x) => x.id)).toContain(community.id);

    const worker = await c.cloud().login('new-worker');
    const workerId = (await worker.ok('user', 'me', {})).id;
    expectError(await worker.call('user', 'listMembers', { communityId: community.id }), 'FORBIDDEN');

    const member = await admin.ok('user', 'assignStaff', { communityId: community.id, userId: workerId });
    expect(member.roles).toEqual(['staff']);
    expect(await worker.call('user', 'listMembers', { communityId: community.id })).toMatchObject({ ok: true });
    expectError(await admin.call('user', 'assignStaff', { communityId: community.id, userId: workerId }), 'INVALID_STATE');

    expect((await admin.ok('user', 'removeStaff', { communityId: community.id, userId: workerId })).roles).toEqual([]);
    expectError(await worker.call('user', 'listMembers', { communityId: community.id }), 'FORBIDDEN');
    expectError(await admin.call('user', 'removeStaff', { communityId: community.id, userId: workerId }), 'INVALID_STATE');
  });

  test('only the admin creates communities or assigns staff', async () => {
    const staff = await c.cloud().login('demo-staff');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('user', 'createCommunity', { name: '影子社区' }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('user', 'assignStaff', { communityId: XFL, userId: 'u_demo4' }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('user', 'removeStaff', { communityId: XFL, userId: 'u_demo1' }));
  });

  test('assigning staff to a community or user that does not exist → NOT_FOUND', async () => {
    const admin = await c.cloud().login('demo-admin');
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () => admin.call('user', 'assignStaff', { communityId: 'c_nowhere', userId: 'u_demo4' }));
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () => admin.call('user', 'assignStaff', { communityId: XFL, userId: 'u_nobody' }));
  });

  test('a community name that is too short → VALIDATION in Chinese', async () => {
    const admin = await c.cloud().login('demo-admin');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => admin.call('user', 'createCommunity', { name: '光' }));
    expect(error.fields).toEqual({ name: '社区名称至少2个字' });
  });

  test('staff update their own community\'s settings, not another\'s', async () => {
    const staff = await c.cloud().login('demo-staff');
    const updated = await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 5 } } });
    expect(updated.settings.consultation).toEqual({ noticeDays: 5, topicNeedsApproval: false });
    const again = await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { topicNeedsApproval: true } } });
    expect(again.settings.consultation).toEqual({ noticeDays: 5, topicNeedsApproval: true });
    const listed = (await staff.ok('user', 'listCommunities', {})).find((x) => x.id === XFL);
    expect(listed?.settings.consultation).toEqual({ noticeDays: 5, topicNeedsApproval: true });

    const other = await c.cloud().login('demo-staff-heping');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 1 } } }));
    const admin = await c.cloud().login('demo-admin');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => admin.call('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 1 } } }));
  });

  test('settings out of range → VALIDATION in Chinese', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      staff.call('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 31, topicNeedsApproval: 'yes' } } }),
    );
    expect(error.fields).toEqual({ 'settings.consultation.noticeDays': '提前天数最多30天', 'settings.consultation.topicNeedsApproval': '请选择是否需要审核' });
  });

  test('a settings group no module declares, or a field its module does not have, is refused and nothing is written', async () => {
    const staff = await c.cloud().login('demo-staff');
    const unknownGroup = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      staff.call('user', 'updateCommunitySettings', { communityId: XFL, settings: { parking: { spaces: 3 } } }),
    );
    expect(unknownGroup.fields).toEqual({ 'settings.parking': '没有这一项设置' });
    const unknownField = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      staff.call('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { quorum: 3 } } }),
    );
    expect(Object.keys(unknownField.fields ?? {})).toEqual(['settings.consultation._']);
  });
});

describe('residency: apply, review, members, host role', () => {
  const c = withCloud();
  let staff: Client;
  let applicant: Client;
  let applicantId: string;

  beforeAll(async () => {
    staff = await c.cloud().login('demo-staff');
    applicant = await c.cloud().login('demo-visitor');
    applicantId = (await applicant.ok('user', 'me', {})).id;
  });

  test('malformed application → VALIDATION naming the fields, nothing written', async () => {
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => applicant.call('user', 'applyResidency', { communityId: XFL, building: '  ' }));
    expect(error.fields).toEqual({ building: '请填写楼栋', unit: '请填写单元/门牌' });
  });

  test('applying to a community that does not exist → NOT_FOUND', async () => {
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () =>
      applicant.call('user', 'applyResidency', { communityId: 'c_nowhere', building: '9号楼', unit: '1单元' }),
    );
  });

  // Regression: the user record was created before the community was looked up, so this refusal wrote one.
  test('a first-time caller refused for an unknown community leaves no record behind', async () => {
    const newcomer = await c.cloud().login('never-applied-before');
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () =>
      newcomer.call('user', 'applyResidency', { communityId: 'c_nowhere', building: '9号楼', unit: '1单元' }),
    );
  });

  test('a resident applies; staff see the application; a second application waits', async () => {
    const me = await applicant.ok('user', 'applyResidency', { communityId: XFL, building: '9号楼', unit: '1单元101' });
    expect(me.residency).toMatchObject({ communityId: XFL, communityName: '幸福里社区', status: 'pending', reason: null });
    expectError(await applicant.call('user', 'applyResidency', { communityId: XFL, building: '9号楼', unit: '1单元101' }), 'INVALID_STATE');

    const page = await staff.ok('user', 'listResidencyApplications', { communityId: XFL });
    expect(page.items.map((a) => a.userId)).toEqual([applicantId]);
    expect(page.items[0].residency).toMatchObject({ building: '9号楼', unit: '1单元101', status: 'pending' });
  });

  test('staff of another community neither see nor review the application', async () => {
    const other = await c.cloud().login('demo-staff-heping');
    expectError(await other.call('user', 'listResidencyApplications', { communityId: XFL }), 'FORBIDDEN');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('user', 'reviewResidency', { userId: applicantId, approve: true }));
  });

  test('rejecting without a reason → VALIDATION on the reason field', async () => {
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('user', 'reviewResidency', { userId: applicantId, approve: false }));
    expect(error.fields).toEqual({ reason: '驳回时请填写理由' });
    await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('user', 'reviewResidency', { userId: applicantId, approve: false, reason: '   ' }));
  });

  test('staff reject with a reason; the applicant sees it and may apply again', async () => {
    const reviewed = await staff.ok('user', 'reviewResidency', { userId: applicantId, approve: false, reason: '门牌号与登记不符' });
    expect(reviewed.residency).toMatchObject({ status: 'rejected', reason: '门牌号与登记不符' });
    expect((await applicant.ok('user', 'me', {})).residency).toMatchObject({ status: 'rejected', reason: '门牌号与登记不符' });
    expectError(await staff.call('user', 'reviewResidency', { userId: applicantId, approve: true }), 'INVALID_STATE');

    const rejected = await staff.ok('user', 'listResidencyApplications', { communityId: XFL, status: 'rejected' });
    expect(rejected.items.map((a) => a.userId)).toContain(applicantId);

    await applicant.ok('user', 'applyResidency', { communityId: XFL, building: '9号楼', unit: '1单元102' });
  });

  test('staff approve; the resident becomes a member', async () => {
    const reviewed = await staff.ok('user', 'reviewResidency', { userId: applicantId, approve: true });
    expect(reviewed.residency).toMatchObject({ status: 'approved', reason: null, unit: '1单元102' });
    expect((await applicant.ok('user', 'me', {})).residency?.status).toBe('approved');
    expect((await staff.ok('user', 'listResidencyApplications', { communityId: XFL })).items).toEqual([]);
    expectError(await applicant.call('user', 'applyResidency', { communityId: HEPING, building: '1', unit: '1' }), 'INVALID_STATE');
  });

  test('reviewing someone with no application → INVALID_STATE; an unknown user → NOT_FOUND', async () => {
    // The seeded resident's residency is approved already. The permission names the target's community, so the
    // target must exist before anything else is decided.
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('user', 'reviewResidency', { userId: 'u_demo4', approve: true }));
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () => staff.call('user', 'reviewResidency', { userId: 'u_nobody', approve: true }));
  });

  test('listMembers shows verified residents with building and unit and their roles', async () => {
    const members: { userId: string; roles: string[]; building: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await staff.ok('user', 'listMembers', { communityId: XFL, limit: 2, cursor });
      members.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ids = members.map((m) => m.userId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([applicantId, 'u_demo3', 'u_demo4', 'u_demo5', 'u_demo6', 'u_demo7']));
    expect(ids).not.toContain('u_demo8'); // 和平's resident
    expect(members.find((m) => m.userId === 'u_demo3')).toMatchObject({ building: '3号楼', roles: ['host'] });
    const resident = await c.cloud().login('demo-resident-1');
    expectError(await resident.call('user', 'listMembers', { communityId: XFL }), 'FORBIDDEN');
  });

  test('staff grant and revoke the host role', async () => {
    const granted = await staff.ok('user', 'grantHost', { communityId: XFL, userId: applicantId });
    expect(granted.roles).toEqual(['host']);
    expect((await applicant.ok('user', 'me', {})).roles).toEqual([{ communityId: XFL, role: 'host' }]);
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('user', 'grantHost', { communityId: XFL, userId: applicantId }));

    expect((await staff.ok('user', 'revokeHost', { communityId: XFL, userId: applicantId })).roles).toEqual([]);
    expect((await applicant.ok('user', 'me', {})).roles).toEqual([]);
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('user', 'revokeHost', { communityId: XFL, userId: applicantId }));
  });

  test('the host role only goes to verified residents of that community', async () => {
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('user', 'grantHost', { communityId: XFL, userId: 'u_demo8' }));
    const stranger = await c.cloud().login('unverified-person');
    const strangerId = (await stranger.ok('user', 'me', {})).id;
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('user', 'grantHost', { communityId: XFL, userId: strangerId }));
    const other = await c.cloud().login('demo-staff-heping');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('user', 'grantHost', { communityId: XFL, userId: 'u_demo4' }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('user', 'revokeHost', { communityId: XFL, userId: 'u_demo3' }));
  });
});

describe('privacy: exportMyData and deleteMe', () => {
  const c = withCloud();

  test('the export holds my profile and my notice reads, and nobody else\'s', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    const other = await c.cloud().login('demo-resident-2');
    await resident.ok('notice', 'get', { id: 'n_demo1' });
    await other.ok('notice', 'get', { id: 'n_demo2' });
    await resident.ok('user', 'updateProfile', { nickname: '张阿姨2' });

    const data = await resident.ok('user', 'exportMyData', {});
    expect(data.user).toMatchObject({ _id: 'u_demo4', openid: 'demo-resident-1', nickname: '张阿姨2' });
    expect(data.records.noticeReads).toEqual([expect.objectContaining({ noticeId: 'n_demo1', userId: 'u_demo4' })]);
    expect(JSON.stringify(data)).not.toContain('n_demo2');
  });

  test('the export lists the audited actions I took', async () => {
    const staff = await c.cloud().login('demo-staff');
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 4 } } });
    const data = await staff.ok('user', 'exportMyData', {});
    expect(data.records.actions).toEqual([expect.objectContaining({ action: 'community.settings', actorId: 'u_demo1' })]);
  });

  test('deleteMe needs the typed confirmation', async () => {
    const resident = await c.cloud().login('demo-resident-3');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => resident.call('user', 'deleteMe', { confirm: 'yes' }));
    expect(error.fields).toEqual({ confirm: '请输入“删除”以确认' });
  });

  test('deleteMe erases nickname and residency; a later `me` starts a fresh record', async () => {
    const resident = await c.cloud().login('demo-resident-3');
    await resident.ok('notice', 'get', { id: 'n_demo1' });
    expect(await resident.ok('user', 'deleteMe', { confirm: '删除' })).toEqual({ deleted: true });

    const erased = await c.cloud().store.get<UserDoc>('users', 'u_demo6');
    expect(erased).toMatchObject({ nickname: '', residency: null, roles: [], avatarFileId: null, openid: 'deleted:u_demo6' });
    expect(typeof erased?.deletedAt).toBe('number');

    const fresh = await resident.ok('user', 'me', {});
    expect(fresh.id).not.toBe('u_demo6');
    expect(fresh).toMatchObject({ nickname: '', residency: null, roles: [] });
    // The old record's reads are not the new record's.
    expect((await resident.ok('user', 'exportMyData', {})).records.noticeReads).toEqual([]);

    // The erased account is gone from the community's members and cannot be made host.
    const staff = await c.cloud().login('demo-staff');
    const members = await staff.ok('user', 'listMembers', { communityId: XFL, limit: 100 });
    expect(members.items.map((m) => m.userId)).not.toContain('u_demo6');
    expectError(await staff.call('user', 'grantHost', { communityId: XFL, userId: 'u_demo6' }), 'NOT_FOUND');
  });

  test('deleteMe with no record → NOT_FOUND; without sign-in → UNAUTHENTICATED', async () => {
    const ghost = await c.cloud().login('never-seen');
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () => ghost.call('user', 'deleteMe', { confirm: '删除' }));
    expectError(await c.cloud().anonymous().call('user', 'deleteMe', { confirm: '删除' }), 'UNAUTHENTICATED');
    expectError(await c.cloud().anonymous().call('user', 'exportMyData', {}), 'UNAUTHENTICATED');
  });
});

describe('inbox', () => {
  const c = withCloud();

  // Messages arrive from workflows (a consultation's notice, a sign-up promoted); here they are put in place directly.
  beforeAll(async () => {
    const message = (id: string, userId: string, createdAt: number) => ({
      _id: id, userId, title: `消息${id}`, body: '内容', link: null, read: false, createdAt,
    });
    await c.cloud().store.create('inbox', message('m_old', 'u_demo4', 1_000));
    await c.cloud().store.create('inbox', message('m_new', 'u_demo4', 2_000));
    await c.cloud().store.create('inbox', message('m_theirs', 'u_demo5', 1_500));
  });

  test('lists my messages newest first with the unread count, and nobody else\'s', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    const box = await resident.ok('user', 'inbox', {});
    expect(box.items.map((m) => m.id)).toEqual(['m_new', 'm_old']);
    expect(box.unread).toBe(2);
    expect(box.items[0]).toMatchObject({ title: '消息m_new', read: false, link: null });
  });

  test('marks only my own messages read', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    expect(await resident.ok('user', 'markInboxRead', { ids: ['m_old', 'm_theirs', 'm_missing'] })).toEqual({ updated: 1 });
    expect((await resident.ok('user', 'inbox', {})).unread).toBe(1);
    expect(await resident.ok('user', 'markInboxRead', { ids: ['m_old'] })).toEqual({ updated: 0 });
    const neighbour = await c.cloud().login('demo-resident-2');
    expect((await neighbour.ok('user', 'inbox', {})).items).toEqual([expect.objectContaining({ id: 'm_theirs', read: false })]);
  });

  test('someone with no record has an empty inbox; no sign-in → UNAUTHENTICATED', async () => {
    const stranger = await c.cloud().login('inbox-stranger');
    expect(await stranger.ok('user', 'inbox', {})).toEqual({ items: [], nextCursor: null, unread: 0 });
    expectError(await c.cloud().anonymous().call('user', 'inbox', {}), 'UNAUTHENTICATED');
  });

  test('marking nothing → VALIDATION in Chinese, nothing written', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => resident.call('user', 'markInboxRead', { ids: [] }));
    expect(error.fields).toEqual({ ids: '请选择消息' });
  });
});

describe('audit trail and chain verification', () => {
  const T0 = Date.UTC(2026, 10, 24, 2, 0);
  const SEALABLE = T0 + SEALING_WINDOW_MS;
  let cloud: TestCloud;
  let staff: Client;

  beforeEach(async () => {
    // These tests edit the SQLite file behind the store's back.
    cloud = await startCloud({ store: 'sqlite', now: T0 });
    staff = await cloud.login('demo-staff');
    // Four audited changes in 幸福里: settings, a host grant and revoke, a notice draft.
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 5 } } });
    await staff.ok('user', 'grantHost', { communityId: XFL, userId: 'u_demo4' });
    await staff.ok('user', 'revokeHost', { communityId: XFL, userId: 'u_demo4' });
    await staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: '审计测试', body: '内容' });
  });
  afterEach(() => cloud.close());

  function tamper(sql: string, ...params: unknown[]): number {
    // A second connection, as someone with database access would use, bypassing the functions entirely.
    const db = new Database(cloud.dbPath);
    try {
      const changes = db.prepare(sql).run(...params).changes;
      expect(changes).toBeGreaterThan(0);
      return changes;
    } finally {
      db.close();
    }
  }

  /** The sealed entry of 幸福里's chain at `seq`, as a WHERE clause for tamper(). */
  const atSeq = `json_extract(doc, '$.communityId') = '${XFL}' AND json_extract(doc, '$.seq') = ?`;

  async function sealed(): Promise<void> {
    cloud.setNow(SEALABLE);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toEqual({ ok: true, checked: 4, brokenAt: null, reason: null, unsealed: 0 });
  }

  test('a change is in the trail at once, unsealed; once the window has passed the trail seals it and shows its number', async () => {
    const fresh = await staff.ok('user', 'auditTrail', { communityId: XFL });
    expect(fresh.items.map((e) => [e.sealed, e.seq, e.action])).toEqual([
      [false, 0, 'notice.create'],
      [false, 0, 'role.revoke.host'],
      [false, 0, 'role.grant.host'],
      [false, 0, 'community.settings'],
    ]);
    cloud.setNow(SEALABLE);
    const trail = await staff.ok('user', 'auditTrail', { communityId: XFL });
    expect(trail.items.map((e) => [e.sealed, e.seq, e.action])).toEqual([
      [true, 4, 'notice.create'],
      [true, 3, 'role.revoke.host'],
      [true, 2, 'role.grant.host'],
      [true, 1, 'community.settings'],
    ]);
    expect(trail.items.map((e) => e.id)).toEqual(fresh.items.map((e) => e.id));
  });

  test('staff read the trail newest first, filtered by target', async () => {
    cloud.setNow(SEALABLE);
    const trail = await staff.ok('user', 'auditTrail', { communityId: XFL });
    expect(trail.items[2]).toMatchObject({ actorId: 'u_demo1', actorRole: 'staff', targetId: 'u_demo4', before: [], after: ['host'] });
    const forUser = await staff.ok('user', 'auditTrail', { communityId: XFL, targetId: 'u_demo4' });
    expect(forUser.items.map((e) => e.seq)).toEqual([3, 2]);
    const paged = await staff.ok('user', 'auditTrail', { communityId: XFL, limit: 3 });
    expect(paged.items.map((e) => e.seq)).toEqual([4, 3, 2]);
    const rest = await staff.ok('user', 'auditTrail', { communityId: XFL, limit: 3, cursor: paged.nextCursor ?? undefined });
    expect(rest.items.map((e) => e.seq)).toEqual([1]);
  });

  test('the trail and the check are for staff of that community only', async () => {
    const other = await cloud.login('demo-staff-heping');
    expectError(await other.call('user', 'auditTrail', { communityId: XFL }), 'FORBIDDEN');
    expectError(await other.call('user', 'verifyAuditChain', { communityId: XFL }), 'FORBIDDEN');
    const resident = await cloud.login('demo-resident-1');
    expectError(await resident.call('user', 'auditTrail', { communityId: XFL }), 'FORBIDDEN');
  });

  test('inside the sealing window the check seals nothing and counts what waits', async () => {
    cloud.setNow(SEALABLE - 1);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toEqual({ ok: true, checked: 0, brokenAt: null, reason: null, unsealed: 4 });
  });

  test('an untouched chain verifies once sealed; a newer change waits outside the check', async () => {
    await sealed();
    await staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 6 } } });
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toEqual({ ok: true, checked: 4, brokenAt: null, reason: null, unsealed: 1 });
    // Another community's chain is separate.
    const other = await cloud.login('demo-staff-heping');
    expect(await other.ok('user', 'verifyAuditChain', { communityId: HEPING })).toMatchObject({ ok: true, checked: 0, unsealed: 0 });
  });

  test('an entry edited directly in the database is named by its seq', async () => {
    await sealed();
    tamper(`UPDATE "c_audit" SET doc = json_set(doc, '$.after', json('["staff"]')) WHERE ${atSeq}`, 2);
    const check = await staff.ok('user', 'verifyAuditChain', { communityId: XFL });
    expect(check).toMatchObject({ ok: false, brokenAt: 2, checked: 1 });
    expect(check.reason).toContain('第2条');
  });

  test('an entry deleted from the middle is named by its seq', async () => {
    await sealed();
    tamper(`DELETE FROM "c_audit" WHERE ${atSeq}`, 3);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: false, brokenAt: 3 });
  });

  test('two entries swapped in the chain are named at the first of them', async () => {
    await sealed();
    tamper(`UPDATE "c_audit" SET doc = json_set(doc, '$.seq', CASE json_extract(doc, '$.seq') WHEN 2 THEN 3 ELSE 2 END) WHERE json_extract(doc, '$.communityId') = ? AND json_extract(doc, '$.seq') IN (2, 3)`, XFL);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: false, brokenAt: 2 });
  });

  test('the newest sealed entries deleted are caught against the chain head', async () => {
    await sealed();
    expect(tamper(`DELETE FROM "c_audit" WHERE json_extract(doc, '$.communityId') = ? AND json_extract(doc, '$.seq') >= 3`, XFL)).toBe(2);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: false, brokenAt: 3, checked: 2 });
  });

  test('a sealed entry marked unsealed again is caught: it leaves a gap where it was', async () => {
    await sealed();
    tamper(`UPDATE "c_audit" SET doc = json_set(doc, '$.sealed', json('false')) WHERE ${atSeq}`, 2);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: false, brokenAt: 2 });
  });

  test('a chain longer than one page verifies, and a break on the second page is named', async () => {
    // 120 more audited changes: pin and unpin a seeded notice, so the chain spans two pages of 100.
    for (let i = 0; i < 120; i++) await staff.ok('notice', 'pin', { id: 'n_demo1', pinned: i % 2 === 0 });
    cloud.setNow(SEALABLE);
    // The check seals a bounded amount each time; the next call carries on.
    let check = await staff.ok('user', 'verifyAuditChain', { communityId: XFL });
    while (check.unsealed) check = await staff.ok('user', 'verifyAuditChain', { communityId: XFL });
    expect(check).toEqual({ ok: true, checked: 124, brokenAt: null, reason: null, unsealed: 0 });
    tamper(`UPDATE "c_audit" SET doc = json_set(doc, '$.actorRole', 'admin') WHERE ${atSeq}`, 110);
    expect(await staff.ok('user', 'verifyAuditChain', { communityId: XFL })).toMatchObject({ ok: false, brokenAt: 110, checked: 109 });
  });

  test('malformed input → VALIDATION in Chinese', async () => {
    const error = await refusedUnchanged(cloud, 'VALIDATION', () => staff.call('user', 'auditTrail', { communityId: XFL, limit: 500 }));
    expect(error.fields).toEqual({ limit: '每页最多100条' });
  });
});
