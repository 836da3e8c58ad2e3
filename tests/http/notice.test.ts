/**
 * The notice function over HTTP through the local cloud. The clock starts at a fixed instant so that scheduling and
 * expiry are moved explicitly with `setNow`; each describe block has its own freshly seeded cloud.
 */
import type { NoticeSummary } from '@shared/contract';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import type { Client } from '../support/cloud';
import { expectError, refusedUnchanged, withCloud } from '../support/expect';

// A ceiling for slow shared machines (the paging set-up makes 260 requests), not a timing assertion.
jest.setTimeout(30_000);

const NOW = Date.UTC(2026, 10, 24, 2, 0); // 10:00 in Shanghai
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const XFL = 'c_xingfuli';
const HEPING = 'c_heping';




const draftInput = (title: string, extra: Record<string, unknown> = {}) => ({ communityId: XFL, category: '通知' as const, title, body: `${title}的正文。`, ...extra });

/** Every live notice a reader's feed holds, walking all pages. */
async function wholeFeed(reader: Client, input: { communityId?: string; limit?: number } = {}): Promise<NoticeSummary[]> {
  const items: NoticeSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await reader.ok('notice', 'list', { ...input, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function feedIds(reader: Client, input: { communityId?: string } = {}): Promise<string[]> {
  return (await wholeFeed(reader, input)).map((n) => n.id);
}

describe('publishing and reading', () => {
  const c = withCloud({ now: NOW });

  test('staff publish a notice; a resident lists and reads it and the reader count rises once', async () => {
    const staff = await c.cloud().login('demo-staff');
    const resident = await c.cloud().login('demo-resident-1');
    const draft = await staff.ok('notice', 'create', { communityId: XFL, category: '通知', title: '电梯检修通知', body: '周五电梯检修。' });
    expect(draft.status).toBe('draft');
    await staff.ok('notice', 'publish', { id: draft.id });
    const feed = await resident.ok('notice', 'list', {});
    expect(feed.items.map((n) => n.id)).toContain(draft.id);
    await resident.ok('notice', 'get', { id: draft.id });
    const again = await resident.ok('notice', 'get', { id: draft.id });
    expect(again.readCount).toBe(1);
    const managed = await staff.ok('notice', 'listManaged', { communityId: XFL });
    expect(managed.items.find((n) => n.id === draft.id)?.readCount).toBe(1);
  });

  test('a visitor is refused with FORBIDDEN and nothing is written', async () => {
    const visitor = await c.cloud().login('demo-visitor');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () =>
      visitor.call('notice', 'create', { communityId: XFL, category: '通知', title: '访客公告', body: '内容' }),
    );
  });

  test('a resident may not publish either, nor staff of another community', async () => {
    const resident = await c.cloud().login('demo-resident-1');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => resident.call('notice', 'create', draftInput('居民公告')));
    const other = await c.cloud().login('demo-staff-heping');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('notice', 'create', draftInput('越权公告')));
    expectError(await other.call('notice', 'listManaged', { communityId: XFL }), 'FORBIDDEN');
    expectError(await c.cloud().anonymous().call('notice', 'create', draftInput('匿名公告')), 'UNAUTHENTICATED');
  });

  test('a draft is invisible to readers, to `get` and in the feed, but listed for staff', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('草稿公告'));
    expect(await feedIds(staff)).not.toContain(draft.id);
    expectError(await staff.call('notice', 'get', { id: draft.id }), 'NOT_FOUND');
    const managed = await staff.ok('notice', 'listManaged', { communityId: XFL });
    expect(managed.items.find((n) => n.id === draft.id)).toMatchObject({ status: 'draft', readCount: 0 });
  });

  test('a reader sees their community and the street; a visitor the street, or a community they ask for', async () => {
    const xflResident = await c.cloud().login('demo-resident-1');
    const hepingResident = await c.cloud().login('demo-resident-heping');
    const anonymous = c.cloud().anonymous();
    // Seed: n_demo0..2 幸福里, n_demo3 street-wide, n_demo4 和平.
    expect((await feedIds(xflResident)).filter((id) => id.startsWith('n_demo')).sort()).toEqual(['n_demo0', 'n_demo1', 'n_demo2', 'n_demo3']);
    expect((await feedIds(hepingResident)).sort()).toEqual(['n_demo3', 'n_demo4']);
    expect(await feedIds(anonymous)).toEqual(['n_demo3']);
    expect((await feedIds(anonymous, { communityId: HEPING })).sort()).toEqual(['n_demo3', 'n_demo4']);
  });

  test('the feed filters by category', async () => {
    const feed = await c.cloud().anonymous().ok('notice', 'list', { communityId: XFL, category: '活动' });
    expect(feed.items.map((n) => n.id)).toEqual(['n_demo1']);
    expect(feed.items[0]).toMatchObject({ category: '活动', communityName: '幸福里社区', scope: 'community' });
  });

  test('an anonymous reader may read a live notice, and is not counted', async () => {
    const view = await c.cloud().anonymous().ok('notice', 'get', { id: 'n_demo2' });
    expect(view).toMatchObject({ id: 'n_demo2', status: 'published', readCount: 0 });
    expect(await c.cloud().store.count('noticeReads', { noticeId: 'n_demo2' })).toBe(0);
  });

  test('an unknown notice → NOT_FOUND', async () => {
    expectError(await c.cloud().anonymous().call('notice', 'get', { id: 'n_missing' }), 'NOT_FOUND');
    const staff = await c.cloud().login('demo-staff');
    await refusedUnchanged(c.cloud(), 'NOT_FOUND', () => staff.call('notice', 'publish', { id: 'n_missing' }));
  });
});

describe('malformed input', () => {
  const c = withCloud({ now: NOW });

  test('create with bad fields → VALIDATION with Chinese messages per field, nothing written', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () =>
      staff.call('notice', 'create', {
        communityId: XFL,
        category: '通知',
        title: '短',
        body: '',
        images: ['http://example.com/a.png'],
        pinned: 'yes',
      }),
    );
    expect(error.fields).toEqual({
      title: '标题至少2个字',
      body: '请填写正文',
      'images.0': '图片格式不正确',
      pinned: '置顶格式不正确',
    });
  });

  test('a category no module declares → VALIDATION on that field, nothing written', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'create', { ...draftInput('分类不对'), category: '八卦' }));
    expect(error.fields).toEqual({ category: '请选择有效的分类' });
    const listed = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'list', { communityId: XFL, category: '八卦' }));
    expect(listed.fields).toEqual({ category: '请选择有效的分类' });
  });

  test('unknown fields are refused by name', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'create', { ...draftInput('多余字段'), status: 'published' }));
    expect(error.fields).toEqual({ _: '不认识的字段：status' });
  });

  test('ids, page sizes and categories are checked in Chinese', async () => {
    const anonymous = c.cloud().anonymous();
    expect(expectError(await anonymous.call('notice', 'get', { id: '../etc/passwd' }), 'VALIDATION').fields).toEqual({ id: '公告格式不正确' });
    expect(expectError(await anonymous.call('notice', 'get', {}), 'VALIDATION').fields).toEqual({ id: '缺少公告' });
    expect(expectError(await anonymous.call('notice', 'list', { limit: 101 }), 'VALIDATION').fields).toEqual({ limit: '每页最多100条' });
    expect(expectError(await anonymous.call('notice', 'list', { limit: 0 }), 'VALIDATION').fields).toEqual({ limit: '分页参数格式不正确' });
  });

  // Regression: a cursor the store never issued surfaced as INTERNAL.
  test('a forged cursor → VALIDATION on the cursor field', async () => {
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => c.cloud().anonymous().call('notice', 'list', { cursor: "'); DROP TABLE c_notices;--" }));
    expect(error.fields).toEqual({ cursor: '分页参数格式不正确' });
  });

  test('text that fails the content check → CONTENT_REJECTED naming the field, nothing written', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'CONTENT_REJECTED', () => staff.call('notice', 'create', draftInput('招聘启事', { body: '代开发票，联系我' })));
    expect(error.message).toContain('正文');
    expect(error.fields).toEqual({ body: expect.any(String) });
  });

  test('an expiry that has passed is refused on create and on update', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'create', draftInput('过期公告', { expireAt: NOW - HOUR })));
    expect(error.fields).toEqual({ expireAt: '截止时间须晚于现在' });
    const draft = await staff.ok('notice', 'create', draftInput('待改公告'));
    await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'update', { id: draft.id, expireAt: NOW - MINUTE }));
  });

  test('a publish time in the past (beyond a minute of drift) → VALIDATION', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('补发公告'));
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'publish', { id: draft.id, publishAt: NOW - 2 * MINUTE }));
    expect(error.fields).toEqual({ publishAt: '发布时间不能早于现在' });
  });
});

describe('editing', () => {
  const c = withCloud({ now: NOW });

  test('staff update a notice\'s text and expiry; the change is audited', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('原标题'));
    const updated = await staff.ok('notice', 'update', { id: draft.id, title: '新标题', body: '新的正文', expireAt: NOW + 48 * HOUR });
    expect(updated).toMatchObject({ title: '新标题', body: '新的正文', excerpt: '新的正文', expireAt: NOW + 48 * HOUR });
    const cleared = await staff.ok('notice', 'update', { id: draft.id, expireAt: null });
    expect(cleared.expireAt).toBeNull();
    const trail = await staff.ok('user', 'auditTrail', { communityId: XFL, targetId: draft.id });
    expect(trail.items.map((e) => e.action)).toEqual(['notice.update', 'notice.update', 'notice.create']);
    expect(trail.items[1]).toMatchObject({ before: { title: '原标题' }, after: { title: '新标题' } });
  });

  test('staff of another community may not edit, publish, pin or unpublish it', async () => {
    const staff = await c.cloud().login('demo-staff');
    const other = await c.cloud().login('demo-staff-heping');
    const draft = await staff.ok('notice', 'create', draftInput('他人公告'));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('notice', 'update', { id: draft.id, title: '改掉' }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('notice', 'publish', { id: draft.id }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('notice', 'pin', { id: draft.id, pinned: true }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => other.call('notice', 'unpublish', { id: 'n_demo0' }));
  });

  test('the admin may manage any community\'s notices', async () => {
    const admin = await c.cloud().login('demo-admin');
    const draft = await admin.ok('notice', 'create', draftInput('街道代发', { communityId: HEPING }));
    expect(draft).toMatchObject({ communityId: HEPING, scope: 'community' });
    expect((await admin.ok('notice', 'publish', { id: draft.id })).status).toBe('published');
    expect((await admin.ok('notice', 'listManaged', { communityId: HEPING })).items.map((n) => n.id)).toContain(draft.id);
  });

  test('publishing twice → INVALID_STATE', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('重复发布'));
    await staff.ok('notice', 'publish', { id: draft.id });
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('notice', 'publish', { id: draft.id }));
  });
});

describe('scheduled publishing and expiry', () => {
  const c = withCloud({ now: NOW });

  test('a scheduled notice stays out of the feed and out of reach until its time', async () => {
    const staff = await c.cloud().login('demo-staff');
    const resident = await c.cloud().login('demo-resident-1');
    const draft = await staff.ok('notice', 'create', draftInput('定时公告'));
    const scheduled = await staff.ok('notice', 'publish', { id: draft.id, publishAt: NOW + 2 * HOUR });
    expect(scheduled).toMatchObject({ status: 'scheduled', publishAt: NOW + 2 * HOUR });

    expect(await feedIds(resident)).not.toContain(draft.id);
    expectError(await resident.call('notice', 'get', { id: draft.id }), 'NOT_FOUND');
    expect((await staff.ok('notice', 'listManaged', { communityId: XFL })).items.find((n) => n.id === draft.id)?.status).toBe('scheduled');

    c.cloud().setNow(NOW + 2 * HOUR - 1);
    expect(await feedIds(resident)).not.toContain(draft.id);

    c.cloud().setNow(NOW + 2 * HOUR);
    expect(await feedIds(resident)).toContain(draft.id);
    expect(await resident.ok('notice', 'get', { id: draft.id })).toMatchObject({ status: 'published', readCount: 1 });
  });

  test('a scheduled notice may be rescheduled before it goes out', async () => {
    const staff = await c.cloud().login('demo-staff');
    const now = NOW + 3 * HOUR;
    c.cloud().setNow(now);
    const draft = await staff.ok('notice', 'create', draftInput('改期公告'));
    await staff.ok('notice', 'publish', { id: draft.id, publishAt: now + HOUR });
    expect(await staff.ok('notice', 'publish', { id: draft.id })).toMatchObject({ status: 'published', publishAt: now });
  });

  test('a notice disappears when it expires', async () => {
    const staff = await c.cloud().login('demo-staff');
    const resident = await c.cloud().login('demo-resident-2');
    const now = NOW + 10 * HOUR;
    c.cloud().setNow(now);
    const draft = await staff.ok('notice', 'create', draftInput('限时公告', { expireAt: now + HOUR }));
    await staff.ok('notice', 'publish', { id: draft.id });
    expect(await feedIds(resident)).toContain(draft.id);

    c.cloud().setNow(now + HOUR);
    expect(await feedIds(resident)).not.toContain(draft.id);
    expectError(await resident.call('notice', 'get', { id: draft.id }), 'NOT_FOUND');
    expect((await staff.ok('notice', 'listManaged', { communityId: XFL })).items.find((n) => n.id === draft.id)?.status).toBe('expired');
  });

  test('a draft whose expiry passed cannot be published until the expiry is moved', async () => {
    const staff = await c.cloud().login('demo-staff');
    const now = NOW + 20 * HOUR;
    c.cloud().setNow(now);
    const draft = await staff.ok('notice', 'create', draftInput('迟发公告', { expireAt: now + HOUR }));
    c.cloud().setNow(now + 2 * HOUR);
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('notice', 'publish', { id: draft.id }));
    await staff.ok('notice', 'update', { id: draft.id, expireAt: now + 5 * HOUR });
    expect((await staff.ok('notice', 'publish', { id: draft.id })).status).toBe('published');
  });
});

describe('pinning and order', () => {
  const c = withCloud({ now: NOW });

  test('the feed is pinned first, then newest first', async () => {
    const staff = await c.cloud().login('demo-staff');
    const ids: string[] = [];
    for (const [i, title] of ['最早公告', '中间公告', '最新公告'].entries()) {
      c.cloud().setNow(NOW + i * HOUR);
      const draft = await staff.ok('notice', 'create', draftInput(title));
      await staff.ok('notice', 'publish', { id: draft.id });
      ids.push(draft.id);
    }
    const [oldest, middle, newest] = ids;
    const mine = (feed: NoticeSummary[]) => feed.map((n) => n.id).filter((id) => ids.includes(id));

    const reader = await c.cloud().login('demo-resident-1');
    expect(mine(await wholeFeed(reader))).toEqual([newest, middle, oldest]);

    expect((await staff.ok('notice', 'pin', { id: oldest, pinned: true })).pinned).toBe(true);
    const feed = await wholeFeed(reader);
    expect(mine(feed)).toEqual([oldest, newest, middle]);
    // The whole feed keeps the rule, seeded notices included: every pinned one before every other, each group newest first.
    const firstUnpinned = feed.findIndex((n) => !n.pinned);
    expect(feed.slice(firstUnpinned).every((n) => !n.pinned)).toBe(true);
    for (const group of [feed.slice(0, firstUnpinned), feed.slice(firstUnpinned)]) {
      const times = group.map((n) => n.publishAt as number);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }

    await staff.ok('notice', 'pin', { id: oldest, pinned: false });
    expect(mine(await wholeFeed(reader))).toEqual([newest, middle, oldest]);
  });

  test('pinning to the state it is already in writes nothing', async () => {
    const staff = await c.cloud().login('demo-staff');
    const before = c.cloud().snapshot();
    expect((await staff.ok('notice', 'pin', { id: 'n_demo0', pinned: true })).pinned).toBe(true);
    expect(c.cloud().snapshot()).toBe(before);
  });

  test('pin needs a boolean', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'VALIDATION', () => staff.call('notice', 'pin', { id: 'n_demo0' }));
    expect(error.fields).toEqual({ pinned: '请选择是否置顶' });
  });
});

describe('unpublishing', () => {
  const c = withCloud({ now: NOW });

  test('an unpublished notice leaves the feed and cannot be read; it may be published again', async () => {
    const staff = await c.cloud().login('demo-staff');
    const resident = await c.cloud().login('demo-resident-1');
    expect(await feedIds(resident)).toContain('n_demo1');
    expect((await staff.ok('notice', 'unpublish', { id: 'n_demo1' })).status).toBe('unpublished');
    expect(await feedIds(resident)).not.toContain('n_demo1');
    expectError(await resident.call('notice', 'get', { id: 'n_demo1' }), 'NOT_FOUND');
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('notice', 'unpublish', { id: 'n_demo1' }));

    await staff.ok('notice', 'publish', { id: 'n_demo1' });
    expect(await feedIds(resident)).toContain('n_demo1');
  });

  test('a draft cannot be unpublished', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('未发公告'));
    await refusedUnchanged(c.cloud(), 'INVALID_STATE', () => staff.call('notice', 'unpublish', { id: draft.id }));
  });
});

describe('street-wide notices', () => {
  const c = withCloud({ now: NOW });

  test('only the admin creates one', async () => {
    const staff = await c.cloud().login('demo-staff');
    const error = await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('notice', 'create', draftInput('全街道通知', { scope: 'street' })));
    expect(error.message).toContain('街道管理员');
  });

  test('the admin\'s street notice reaches every community and visitors', async () => {
    const admin = await c.cloud().login('demo-admin');
    const draft = await admin.ok('notice', 'create', draftInput('街道防汛通知', { scope: 'street' }));
    expect(draft).toMatchObject({ scope: 'street', communityId: null, communityName: '全街道' });
    await admin.ok('notice', 'publish', { id: draft.id });
    for (const reader of [await c.cloud().login('demo-resident-1'), await c.cloud().login('demo-resident-heping'), c.cloud().anonymous()]) {
      expect(await feedIds(reader)).toContain(draft.id);
    }
  });

  test('community staff may not edit, pin or unpublish a street notice', async () => {
    const staff = await c.cloud().login('demo-staff');
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('notice', 'update', { id: 'n_demo3', title: '改街道通知' }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('notice', 'pin', { id: 'n_demo3', pinned: true }));
    await refusedUnchanged(c.cloud(), 'FORBIDDEN', () => staff.call('notice', 'unpublish', { id: 'n_demo3' }));
    const admin = await c.cloud().login('demo-admin');
    expect((await admin.ok('notice', 'pin', { id: 'n_demo3', pinned: true })).pinned).toBe(true);
  });
});

describe('paging through more than a hundred notices', () => {
  // The set-up makes 130 notices in one frozen minute, far past the per-person rate limit, which is not under test here.
  const c = withCloud({ now: NOW, rateLimitPerMinute: 1000 });
  const COUNT = 130;
  let communityId: string;
  let created: string[];

  beforeAll(async () => {
    const admin = await c.cloud().login('demo-admin');
    communityId = (await admin.ok('user', 'createCommunity', { name: '分页测试社区' })).id;
    created = [];
    for (let batch = 0; batch < COUNT; batch += 10) {
      const ids = await Promise.all(
        Array.from({ length: Math.min(10, COUNT - batch) }, async (_, i) => {
          const draft = await admin.ok('notice', 'create', { communityId, category: '通知', title: `分页公告${batch + i}`, body: '内容' });
          await admin.ok('notice', 'publish', { id: draft.id });
          return draft.id;
        }),
      );
      created.push(...ids);
    }
  });

  test.each([100, 7])('with pages of %d, every notice comes exactly once', async (limit) => {
    const feed = await wholeFeed(c.cloud().anonymous(), { communityId, limit });
    const ids = feed.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The community's 130 and the street's seeded one.
    expect(ids.sort()).toEqual([...created, 'n_demo3'].sort());
    expect(ids.length).toBeGreaterThan(100);
  });

  test('the first full page says more follow; the last says none', async () => {
    const anonymous = c.cloud().anonymous();
    const first = await anonymous.ok('notice', 'list', { communityId, limit: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await anonymous.ok('notice', 'list', { communityId, limit: 100, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(COUNT + 1 - 100);
    expect(second.nextCursor).toBeNull();
  });

  test('listManaged pages too', async () => {
    const admin = await c.cloud().login('demo-admin');
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.ok('notice', 'listManaged', { communityId, limit: 100, cursor });
      ids.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids.sort()).toEqual([...created].sort());
  });
});

describe('unique readers', () => {
  const c = withCloud({ now: NOW });

  test('50 simultaneous reads by 10 signed-in users count exactly 10 readers', async () => {
    const staff = await c.cloud().login('demo-staff');
    const draft = await staff.ok('notice', 'create', draftInput('热门公告'));
    await staff.ok('notice', 'publish', { id: draft.id });
    const readers = await Promise.all(Array.from({ length: 10 }, (_, i) => c.cloud().login(`reader-${i}`)));
    await Promise.all(readers.map((r) => r.ok('user', 'me', {})));

    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => readers[i % 10].call('notice', 'get', { id: draft.id })));
    expect(results.every((r) => r.ok)).toBe(true);

    const managed = await staff.ok('notice', 'listManaged', { communityId: XFL });
    expect(managed.items.find((n) => n.id === draft.id)?.readCount).toBe(10);
    expect(await c.cloud().store.count('noticeReads', { noticeId: draft.id })).toBe(10);
    // A later read by one of them changes nothing.
    expect((await readers[3].ok('notice', 'get', { id: draft.id })).readCount).toBe(10);
  });
});

describe('street-wide notices: management and the street audit chain', () => {
  const env = withCloud({ now: NOW });

  test('the street admin manages street-wide notices and reads and verifies the street’s audit chain', async () => {
    const admin = await env.cloud().login('demo-admin');
    const staff = await env.cloud().login('demo-staff');
    const draft = await admin.ok('notice', 'create', { communityId: 'c_xingfuli', scope: 'street', category: '通知', title: '全街道防汛演练', body: '周日上午' });
    const managed = await admin.ok('notice', 'listManaged', { communityId: 'c_xingfuli', scope: 'street' });
    expect(managed.items.map((n) => n.id)).toContain(draft.id);
    expect(await staff.call('notice', 'listManaged', { communityId: 'c_xingfuli', scope: 'street' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const trail = await admin.ok('user', 'auditTrail', { communityId: 'street_demo', targetId: draft.id });
    expect(trail.items.map((e) => e.action)).toEqual(['notice.create']);
    expect(await admin.ok('user', 'verifyAuditChain', { communityId: 'street_demo' })).toMatchObject({ ok: true, checked: 0, unsealed: 1 });
    await sealAudit(env.cloud().store, 'street_demo', NOW + SEALING_WINDOW_MS);
    expect(await admin.ok('user', 'verifyAuditChain', { communityId: 'street_demo' })).toMatchObject({ ok: true, checked: 1, unsealed: 0 });
  });
});

describe('staff reading one notice', () => {
  const env = withCloud({ now: NOW });

  test('staff read a draft through getManaged without being counted; residents cannot', async () => {
    const staff = await env.cloud().login('demo-staff');
    const resident = await env.cloud().login('demo-resident-1');
    const draft = await staff.ok('notice', 'create', draftInput('草稿待审'));
    const read = await staff.ok('notice', 'getManaged', { id: draft.id });
    expect(read).toMatchObject({ id: draft.id, status: 'draft', readCount: 0 });
    expect(await resident.call('notice', 'getManaged', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await resident.call('notice', 'get', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
