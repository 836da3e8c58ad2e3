/**
 * Request keys over HTTP: a create action sent again with the same `requestKey` (a phone that lost the answer)
 * gets the first result back and writes nothing more, whether the repeat comes after the first or beside it.
 * The suite runs on the store GONGZHI_STORE names; the cases with requests at once run on both stores, since
 * only the memory store interleaves transactions the way CloudBase does.
 */
import { contract } from '@shared/contract';
import { REQUEST_KEY_TTL_MS, REQUEST_KEYS, UNANSWERED_AFTER_MS } from '../../cloudfunctions/core/request-keys';
import type { Store, TxStore } from '../../cloudfunctions/core/store/port';
import { startCloud, type TestCloud } from '../support/cloud';
import { cast, consultationAt } from '../support/consultation';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

const NOW = Date.UTC(2026, 10, 24, 2, 0);
const XFL = 'c_xingfuli';

const opinion = (title: string, requestKey?: string) => ({
  communityId: XFL,
  title,
  description: `${title}，希望尽快处理。`,
  category: '设施维修' as const,
  ...(requestKey !== undefined ? { requestKey } : {}),
});

describe('request keys', () => {
  const c = withCloud({ now: NOW });
  const opinionsTitled = (title: string) => c.cloud().store.count('opinions', { title });

  test('the same key twice makes one record; the repeat answers with it and writes nothing', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    const first = await resident.ok('consultation', 'submitOpinion', opinion('楼道灯坏了', 'key-sequential-01'));
    const before = c.cloud().snapshot();
    const again = await resident.ok('consultation', 'submitOpinion', opinion('楼道灯坏了', 'key-sequential-01'));
    expect(again).toEqual(first);
    expect(c.cloud().snapshot()).toBe(before);
    expect(await opinionsTitled('楼道灯坏了')).toBe(1);
  });

  test('without a key, or with a new one, the same content makes a new record each time', async () => {
    const resident = await c.cloud().login('demo-resident-3');
    await resident.ok('consultation', 'submitOpinion', opinion('垃圾桶太少'));
    await resident.ok('consultation', 'submitOpinion', opinion('垃圾桶太少'));
    await resident.ok('consultation', 'submitOpinion', opinion('垃圾桶太少', 'key-fresh-000001'));
    await resident.ok('consultation', 'submitOpinion', opinion('垃圾桶太少', 'key-fresh-000002'));
    expect(await opinionsTitled('垃圾桶太少')).toBe(4);
  });

  test('another caller with the same key is independent of the first', async () => {
    const one = await c.cloud().login('demo-resident-1');
    const two = await c.cloud().login('demo-resident-2');
    const a = await one.ok('consultation', 'submitOpinion', opinion('路灯不亮', 'key-shared-000001'));
    const b = await two.ok('consultation', 'submitOpinion', opinion('路灯不亮', 'key-shared-000001'));
    expect(b.id).not.toBe(a.id);
    expect(b.authorName).not.toBe(a.authorName);
    expect(await opinionsTitled('路灯不亮')).toBe(2);
  });

  test('the same key on another create action is another submission', async () => {
    const resident = await c.cloud().login('demo-resident-4');
    const o = await resident.ok('consultation', 'submitOpinion', opinion('健身器材坏了', 'key-two-actions1'));
    const comment = await resident.ok('consultation', 'comment', { id: o.id, body: '补充：是东边那台', requestKey: 'key-two-actions1' });
    expect(comment.body).toBe('补充：是东边那台');
  });

  test.each([
    ['too short', 'abc'],
    ['with spaces', 'key with spaces'],
    ['with other characters', 'key/../../etc'],
    ['too long', 'k'.repeat(65)],
    ['not a string', 12345678],
  ])('a key %s is refused in Chinese, naming the field, and nothing is written', async (_, requestKey) => {
    const resident = await c.cloud().login('demo-resident-1');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      resident.call('consultation', 'submitOpinion', { ...opinion('格式不对的编号'), requestKey }),
    );
    expect(error.message).toBe('提交编号格式不正确');
    expect(error.fields).toEqual({ requestKey: '提交编号格式不正确' });
  });

  test('an action that makes no record takes no key', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    await refusedUnchanged(c.cloud(), 'VALIDATION', () => resident.call('user', 'updateProfile', { nickname: '张阿姨', requestKey: 'key-not-create1' }));
  });

  test('every create action in the contract replays', async () => {
    const staff = await c.cloud().login('demo-staff');
    const admin = await c.cloud().login('demo-admin');
    const visitor = await c.cloud().login('rk-visitor');
    const twice = async <T>(send: () => Promise<T>) => {
      const first = await send();
      const before = c.cloud().snapshot();
      expect(await send()).toEqual(first);
      expect(c.cloud().snapshot()).toBe(before);
    };
    await twice(() => staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: '停水通知', body: '周六停水', requestKey: 'key-notice-00001' }));
    await twice(() => admin.ok('user', 'createCommunity', { name: '重复提交社区', requestKey: 'key-community-01' }));
    await twice(() => visitor.ok('user', 'applyResidency', { communityId: XFL, building: '8号楼', unit: '302', requestKey: 'key-residency-01' }));
    await twice(() => staff.ok('consultation', 'create', { communityId: XFL, theme: '加装电梯', collectFrom: NOW, collectTo: NOW + 86_400_000, requestKey: 'key-consult-0001' }));
  });
});

const opinionsTitled = (c: { cloud(): TestCloud }, title: string) => c.cloud().store.count('opinions', { title });

describe('old request keys', () => {
  const c = withCloud({ now: NOW });

  test('the cron sweeps keys older than a day and keeps younger ones; a key swept is a new submission', async () => {
    const resident = await c.cloud().login('demo-resident-2');
    await resident.ok('consultation', 'submitOpinion', opinion('小区门禁坏了', 'key-swept-000001'));
    const keys = () => c.cloud().store.count(REQUEST_KEYS, {});
    const before = await keys();
    expect(before).toBeGreaterThan(0);
    await c.cloud().tick(NOW + REQUEST_KEY_TTL_MS - 60_000);
    expect(await keys()).toBe(before);
    await c.cloud().tick(NOW + REQUEST_KEY_TTL_MS + 60_000);
    expect(await keys()).toBe(0);
    await resident.ok('consultation', 'submitOpinion', opinion('小区门禁坏了', 'key-swept-000001'));
    expect(await opinionsTitled(c, '小区门禁坏了')).toBe(2);
  });
});

describe('which actions are creates', () => {
  test('the contract flags every action that makes a new record, and only those', () => {
    const flagged = Object.entries(contract).flatMap(([fn, actions]) =>
      Object.entries(actions)
        .filter(([, spec]) => spec.create)
        .map(([action]) => `${fn}.${action}`),
    );
    expect(flagged.sort()).toEqual(
      [
        'user.applyResidency',
        'user.createCommunity',
        'notice.create',
        'consultation.submitOpinion',
        'consultation.comment',
        'consultation.create',
        // A guest gets a new attendance record each time; a resident's second one is refused.
        'consultation.markPresent',
        'consultation.recordPoint',
        'consultation.addProgress',
        'budget.createRound',
        'budget.submitProposal',
        'budget.enterPaperBallot',
        'budget.importPb',
        'budget.addImplementationUpdate',
        // Not budget.castBallot: a stored answer would keep the ballot's receipt beside the voter. The has-voted
        // marker makes a retry harmless, and the app keeps the receipt it sends.
        'wish.submit',
        'wish.proxySubmit',
        'wish.applyOrg',
        // A retried booking or queue place must not be refused as its own slot taken, nor numbered twice.
        'room.createRoom',
        'room.addBlackout',
        'room.book',
        'room.proxyBook',
        'room.joinWaitlist',
        'room.createSeries',
      ].sort(),
    );
  });
});

describe.each(['sqlite', 'memory'] as const)('requests at once, on the %s store', (kind) => {
  let cloud: TestCloud;
  // On the real clock (frozen at the start): consultationAt plans from it.
  beforeAll(async () => (cloud = await startCloud({ store: kind })));
  afterAll(() => cloud.close());

  test('ten at once with one key make one record, and every one of them answers with it', async () => {
    const resident = await cloud.login('demo-resident-2');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => resident.call('consultation', 'submitOpinion', opinion('电梯异响', 'key-together-0001'))),
    );
    expect(await cloud.store.count('opinions', { title: '电梯异响' })).toBe(1);
    const ids = answers.map((a) => (a.ok ? a.data.id : a.error.code));
    expect(new Set(ids).size).toBe(1);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await cloud.store.count(REQUEST_KEYS, {})).toBe(1);
  });

  test('five people at once, each with the same key, make a record each', async () => {
    const people = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4', 'demo-host'].map((o) => cloud.login(o)));
    const answers = await Promise.all(people.map((p) => p.ok('consultation', 'submitOpinion', opinion('楼顶漏水', 'key-everyone-001'))));
    expect(new Set(answers.map((a) => a.id)).size).toBe(people.length);
    expect(await cloud.store.count('opinions', { title: '楼顶漏水' })).toBe(people.length);
  });

  test('a guest registered twice with one key is one attendee, and a point recorded ten times at once is one point', async () => {
    const people = await cast(cloud);
    const consultation = await consultationAt(cloud, people, 5);
    await people.host.ok('consultation', 'openMeeting', { id: consultation.id, reason: '参会人已到齐，提前开始' });
    const guest = { id: consultation.id, guestName: '物业经理', role: '物业' as const, requestKey: 'key-guest-000001' };
    const first = await people.host.ok('consultation', 'markPresent', guest);
    expect(await people.host.ok('consultation', 'markPresent', guest)).toEqual(first);
    expect(await people.host.ok('consultation', 'listAttendees', { id: consultation.id })).toHaveLength(1);

    const point = { id: consultation.id, speakerRole: '物业' as const, summary: '同意配合', requestKey: 'key-point-000001' };
    const points = await Promise.all(Array.from({ length: 10 }, () => people.host.ok('consultation', 'recordPoint', point)));
    expect(new Set(points.map((p) => p.id)).size).toBe(1);
    expect(await people.host.ok('consultation', 'listPoints', { id: consultation.id })).toHaveLength(1);
  });
});

describe('a request that dies half way', () => {
  const c = withCloud({ now: NOW });

  test('dead before its commit: nothing is kept, and the retry with the same key makes the record once', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    const store = c.cloud().store as unknown as Store;
    const transaction = store.transaction.bind(store);
    // The whole transaction runs, then the instance dies before COMMIT: everything is rolled back.
    store.transaction = async <R>(fn: (tx: TxStore) => Promise<R>) => {
      store.transaction = transaction;
      return transaction(async (tx) => {
        await fn(tx);
        throw new Error('killed before commit');
      });
    };
    expectError(await resident.call('consultation', 'submitOpinion', opinion('井盖松动', 'key-dies-before1')), 'INTERNAL');
    expect(await c.cloud().store.count('opinions', { title: '井盖松动' })).toBe(0);

    const retried = await resident.ok('consultation', 'submitOpinion', opinion('井盖松动', 'key-dies-before1'));
    const again = await resident.ok('consultation', 'submitOpinion', opinion('井盖松动', 'key-dies-before1'));
    expect(again.id).toBe(retried.id);
    expect(await c.cloud().store.count('opinions', { title: '井盖松动' })).toBe(1);
  });

  test('dead after its commit, before its answer: the retry makes nothing and, once the first is surely gone, says it was saved', async () => {
    const resident = await c.cloud().login('demo-resident-2');
    const input = opinion('绿化带缺水', 'key-dies-after01');
    await resident.ok('consultation', 'submitOpinion', input);
    // What a request killed between its commit and its answer leaves: the record, and its key unanswered.
    const [key] = (await c.cloud().store.query(REQUEST_KEYS, { where: { answered: true }, orderBy: [['at', 'desc']], limit: 100 })).items.filter(
      (k) => (k as unknown as { result: { title?: string } }).result.title === '绿化带缺水',
    );
    await c.cloud().store.update(REQUEST_KEYS, key._id, { answered: false, result: null });

    // Still within the first request's lifetime: it might yet answer, so the retry waits a little and says so.
    const early = await refusedUnchanged(c.cloud(), 'CONFLICT', () => resident.call('consultation', 'submitOpinion', input));
    expect(early.message).toBe('上一次提交还在处理，请稍后刷新查看');

    c.cloud().setNow(NOW + UNANSWERED_AFTER_MS);
    const late = await refusedUnchanged(c.cloud(), 'CONFLICT', () => resident.call('consultation', 'submitOpinion', input));
    expect(late.message).toBe('这次提交已经保存，请刷新后查看');
    expect(await c.cloud().store.count('opinions', { title: '绿化带缺水' })).toBe(1);
    c.cloud().setNow(NOW);
  });

  test('when noting the answer fails, the request still gets its result', async () => {
    const resident = await c.cloud().login('demo-resident-4');
    const store = c.cloud().store as unknown as Store;
    const update = store.update.bind(store);
    store.update = async (collection, id, patch, options) => {
      if (collection === REQUEST_KEYS) throw new Error('the answer could not be written');
      return update(collection, id, patch, options);
    };
    try {
      const made = await resident.ok('consultation', 'submitOpinion', opinion('花坛破损', 'key-answer-fails'));
      expect(made.title).toBe('花坛破损');
    } finally {
      store.update = update;
    }
    expect(await c.cloud().store.count('opinions', { title: '花坛破损' })).toBe(1);
  });

  test('failing after its commit: the retry says at once that it was saved, and makes nothing', async () => {
    const visitor = await c.cloud().login('rk-after-commit');
    const store = c.cloud().store as unknown as Store;
    const transaction = store.transaction.bind(store);
    const get = store.get.bind(store);
    // applyResidency commits, then reads the community's name for its answer: that read fails.
    let committed = false;
    store.transaction = async <R>(fn: (tx: TxStore) => Promise<R>) => {
      const result = await transaction(fn);
      committed = true;
      return result;
    };
    store.get = async <T extends { _id: string }>(collection: string, id: string) => {
      if (committed && collection === 'communities') throw new Error('failed after commit');
      return get<T>(collection, id);
    };
    const apply = { communityId: XFL, building: '1号楼', unit: '101', requestKey: 'key-fails-after1' };
    try {
      expectError(await visitor.call('user', 'applyResidency', apply), 'INTERNAL');
    } finally {
      store.transaction = transaction;
      store.get = get;
    }
    const before = c.cloud().snapshot();
    const retry = expectError(await visitor.call('user', 'applyResidency', apply), 'CONFLICT');
    expect(retry.message).toBe('这次提交已经保存，请刷新后查看');
    expect(c.cloud().snapshot()).toBe(before);
    expect((await visitor.ok('user', 'me', {})).residency?.status).toBe('pending');
  });
});
