/**
 * The router on its own: a small contract of test actions, driven through `defineFunction` with a runtime over an
 * in-memory SQLite store. Identity comes from a fake `identify` that reads `context.openid`, standing in for
 * CloudBase's `WX_OPENID`.
 */
import { z } from 'zod';
import { action, text } from '@shared/contract';
import { AppError, ERROR_MESSAGES, type Envelope } from '@shared/errors';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import { defineFunction, type CloudEvent, type Handlers } from '../../cloudfunctions/core/router';
import type { RequestMetrics, Runtime } from '../../cloudfunctions/core/runtime';
import { BadCursorError, DuplicateError } from '../../cloudfunctions/core/store/port';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

const things = { collection: 'files', idField: 'id' } as const;

const testContract = {
  whoami: action<{ openid: string | null; userId: string | null }>()({
    input: z.object({ openid: z.string().optional(), note: z.string().optional() }).strict(),
    permission: { allow: 'user' },
    summary: '我是谁',
  }),
  peek: action<{ openid: string | null }>()({
    input: z.object({}).strict(),
    permission: { allow: 'anyone' },
    summary: '公开读取',
  }),
  sign: action<{ saved: true }>()({
    input: z
      .object({
        communityId: z.string(),
        title: text('标题', { min: 2, max: 20 }),
        lines: z.array(z.object({ say: text('发言', { max: 50 }) })).default([]),
        count: z.number({ invalid_type_error: '数量格式不正确' }).int().optional(),
      })
      .strict(),
    permission: { allow: 'user' },
    summary: '写入一条',
  }),
  staffOfInput: action<{ done: true }>()({
    input: z.object({ communityId: z.string() }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '本社区工作者',
  }),
  staffOrOwnerOfTarget: action<{ done: true; targetId: string }>()({
    input: z.object({ id: z.string() }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: things, owner: 'ownerId' },
    summary: '对象所在社区的工作者或其主人',
  }),
  hostAnywhere: action<{ done: true }>()({
    input: z.object({}).strict(),
    permission: { allow: ['host'] },
    summary: '任一社区的主持人',
  }),
  adminOnly: action<{ done: true }>()({
    input: z.object({}).strict(),
    permission: { allow: ['admin'] },
    summary: '街道管理员',
  }),
  crash: action<never>()({ input: z.object({}).strict(), permission: { allow: 'user' }, summary: '意外错误' }),
  duplicate: action<never>()({ input: z.object({}).strict(), permission: { allow: 'user' }, summary: '重复写入' }),
  refuse: action<never>()({ input: z.object({}).strict(), permission: { allow: 'user' }, summary: '业务拒绝' }),
  page: action<unknown>()({ input: z.object({ cursor: z.string().optional() }).strict(), permission: { allow: 'anyone' }, summary: '分页' }),
};

type T = typeof testContract;

let handlerCalls: string[] = [];

const handlers: Handlers<T> = {
  whoami: async (_input, ctx) => ({ openid: ctx.caller.openid, userId: ctx.caller.user?._id ?? null }),
  peek: async (_input, ctx) => ({ openid: ctx.caller.openid }),
  sign: async (input, ctx) => {
    handlerCalls.push('sign');
    await ctx.store.create('files', { _id: `f_${input.title}`, communityId: input.communityId });
    return { saved: true };
  },
  staffOfInput: async () => ({ done: true }),
  staffOrOwnerOfTarget: async (_input, ctx) => ({ done: true, targetId: String(ctx.target?._id) }),
  hostAnywhere: async () => ({ done: true }),
  adminOnly: async () => ({ done: true }),
  crash: async () => {
    throw new Error('connection string postgres://secret@db leaked');
  },
  duplicate: async () => {
    throw new DuplicateError('users', 'u_1');
  },
  refuse: async () => {
    throw new AppError('LIMIT_EXCEEDED', '最多3个', { count: '最多3个' });
  },
  page: async (input, ctx) => ctx.store.query('files', { cursor: input.cursor }),
};

const testFunction = defineFunction('test', testContract, handlers);

let store: SqliteStore;
let logs: { level: string; message: string; detail?: Record<string, unknown> }[];
let metrics: RequestMetrics[];
let texts: { text: string; openid: string | null }[];
let runtime: Runtime;

function user(id: string, openid: string, extra: Partial<UserDoc> = {}): UserDoc {
  return {
    _id: id,
    openid,
    nickname: id,
    avatarFileId: null,
    residency: null,
    roles: [],
    admin: false,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
    ...extra,
  };
}

beforeEach(async () => {
  store = new SqliteStore(':memory:');
  logs = [];
  metrics = [];
  texts = [];
  handlerCalls = [];
  runtime = {
    store,
    identify: (context) => (context as { openid?: string } | undefined)?.openid ?? null,
    checkText: async (value, meta) => {
      texts.push({ text: value, openid: meta.openid });
      return !value.includes('赌博');
    },
    now: () => 1_790_000_000_000,
    log: (level, message, detail) => logs.push({ level, message, detail }),
    onRequest: (m) => metrics.push(m),
  };
  await store.create('users', user('u_staff_a', 'staff-a', { roles: [{ communityId: 'c_a', role: 'staff' }] }));
  await store.create('users', user('u_staff_b', 'staff-b', { roles: [{ communityId: 'c_b', role: 'staff' }] }));
  await store.create('users', user('u_host_b', 'host-b', { roles: [{ communityId: 'c_b', role: 'host' }] }));
  await store.create('users', user('u_admin', 'admin', { admin: true }));
  await store.create('users', user('u_resident', 'resident', {
    residency: { communityId: 'c_a', building: '1', unit: '1', status: 'approved', reason: null, appliedAt: 1, reviewedAt: 1 },
  }));
  await store.create('files', { _id: 't_in_a', communityId: 'c_a', ownerId: 'u_resident' });
  await store.create('files', { _id: 't_street', communityId: null, ownerId: 'u_admin' });
});

afterEach(() => store.close());

function call(event: CloudEvent | null, context: unknown): Promise<Envelope<unknown>> {
  return testFunction(runtime, event as CloudEvent, context);
}

function as(openid: string | null) {
  return (actionName: string, data?: unknown) => call({ action: actionName, data }, openid ? { openid } : {});
}

describe('identity', () => {
  test('comes from the platform context', async () => {
    expect(await as('staff-a')('whoami', {})).toEqual({ ok: true, data: { openid: 'staff-a', userId: 'u_staff_a' } });
  });

  test('an openid inside event.data is ignored', async () => {
    const res = await call({ action: 'whoami', data: { openid: 'admin' } }, { openid: 'resident' });
    expect(res).toEqual({ ok: true, data: { openid: 'resident', userId: 'u_resident' } });
  });

  test('an openid in event.data or event.userInfo does not sign anyone in', async () => {
    const event = { action: 'whoami', data: { openid: 'admin' }, userInfo: { openId: 'admin', appId: 'wx' } } as CloudEvent;
    expect(await call(event, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(event, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const admin = { action: 'adminOnly', data: {}, userInfo: { openId: 'admin' }, openid: 'admin' } as CloudEvent;
    expect(await call(admin, { openid: 'resident' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('an `anyone` action runs without identity, and sees none', async () => {
    expect(await as(null)('peek', {})).toEqual({ ok: true, data: { openid: null } });
  });

  test('a signed-in caller with no user record yet is a user but holds no role', async () => {
    expect(await as('brand-new')('whoami', {})).toEqual({ ok: true, data: { openid: 'brand-new', userId: null } });
    expect(await as('brand-new')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('dispatch and validation', () => {
  test.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('unknown action %p → NOT_FOUND', async (name) => {
    const res = await as('staff-a')(name, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a missing or non-string action, or no event at all → NOT_FOUND', async () => {
    expect(await call({ data: {} }, { openid: 'staff-a' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call({ action: ['whoami'] }, { openid: 'staff-a' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(null, { openid: 'staff-a' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('malformed data → VALIDATION with Chinese messages per field, and the handler never runs', async () => {
    const res = await as('resident')('sign', { communityId: 'c_a', title: '好', count: 'three', extra: 1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.fields).toEqual({ title: '标题至少2个字', count: '数量格式不正确', _: '不认识的字段：extra' });
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(handlerCalls).toEqual([]);
  });

  test('data that is not an object → VALIDATION with a Chinese root message', async () => {
    for (const data of [[], 'x', 42, true]) {
      const res = await as('resident')('whoami', data);
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { _: expect.stringMatching(/[\u4e00-\u9fa5]/) } } });
    }
  });

  test('missing data counts as an empty object', async () => {
    expect(await call({ action: 'whoami' }, { openid: 'resident' })).toMatchObject({ ok: true });
  });

  test('UNAUTHENTICATED comes before validation, so strangers learn nothing about the schema', async () => {
    expect(await as(null)('sign', { bad: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('errors', () => {
  test('a plain Error → INTERNAL with a request id; the message and stack stay in the log', async () => {
    const res = await as('resident')('crash', {});
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: expect.any(String) } });
    expect(JSON.stringify(res)).not.toMatch(/postgres|secret|at .*\.ts/);
    const requestId = (res as { error: { requestId: string } }).error.requestId;
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'error', detail: { where: 'test.crash', requestId } });
    expect(String(logs[0].detail?.error)).toContain('postgres://secret@db leaked');
    expect(String(logs[0].detail?.error)).toMatch(/\n\s+at /);
  });

  test('a DuplicateError → CONFLICT, not logged as a fault', async () => {
    expect(await as('resident')('duplicate', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: ERROR_MESSAGES.CONFLICT } });
    expect(logs).toEqual([]);
  });

  // Regression: a cursor the store never issued threw a RangeError and came back as INTERNAL.
  test('a cursor the store did not issue → VALIDATION on the cursor field, not INTERNAL', async () => {
    expect(await as(null)('page', { cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { cursor: '分页参数格式不正确' } },
    });
    expect(logs).toEqual([]);
    expect(new BadCursorError()).toBeInstanceOf(RangeError);
  });

  test('an AppError keeps its code, message and fields', async () => {
    expect(await as('resident')('refuse', {})).toEqual({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED', message: '最多3个', fields: { count: '最多3个' }, requestId: expect.any(String) },
    });
  });

  test('every request is reported once with its outcome', async () => {
    await as('resident')('whoami', {});
    await as('resident')('crash', {});
    expect(metrics.map((m) => [m.fn, m.action, m.code])).toEqual([
      ['test', 'whoami', 'OK'],
      ['test', 'crash', 'INTERNAL'],
    ]);
    expect(metrics[0].reads).toBeGreaterThan(0);
  });
});

describe('content check', () => {
  test('every user-text field is checked, nested ones included, with the caller\'s openid', async () => {
    const res = await as('resident')('sign', { communityId: 'c_a', title: '议题', lines: [{ say: '第一句' }, { say: '第二句' }] });
    expect(res).toEqual({ ok: true, data: { saved: true } });
    expect(texts).toEqual([
      { text: '议题', openid: 'resident' },
      { text: '第一句', openid: 'resident' },
      { text: '第二句', openid: 'resident' },
    ]);
  });

  test('refused text → CONTENT_REJECTED naming the field\'s Chinese label, and nothing is written', async () => {
    const res = await as('resident')('sign', { communityId: 'c_a', title: '议题', lines: [{ say: '好' }, { say: '一起去赌博' }] });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', fields: { 'lines.1.say': expect.any(String) } } });
    expect((res as { error: { message: string } }).error.message).toContain('发言');
    expect(handlerCalls).toEqual([]);
    expect(await store.count('files')).toBe(2);
  });

  test('fields that are not user text (ids) are not sent to the checker', async () => {
    await as('resident')('sign', { communityId: '赌博', title: '议题' });
    expect(texts.map((t) => t.text)).toEqual(['议题']);
  });
});

describe('declared permissions', () => {
  test('community: input — staff of that community only', async () => {
    expect(await as('staff-a')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: true });
    expect(await as('staff-b')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as('resident')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as('admin')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the FORBIDDEN message names the roles in Chinese', async () => {
    const res = await as('resident')('staffOfInput', { communityId: 'c_a' });
    expect(res).toMatchObject({ error: { message: '仅本社区的社区工作者可以进行此操作' } });
    expect(await as('resident')('adminOnly', {})).toMatchObject({ error: { message: '仅街道管理员可以进行此操作' } });
  });

  test('community: target — the target\'s community decides, the target is handed to the handler', async () => {
    expect(await as('staff-a')('staffOrOwnerOfTarget', { id: 't_in_a' })).toEqual({ ok: true, data: { done: true, targetId: 't_in_a' } });
    expect(await as('staff-b')('staffOrOwnerOfTarget', { id: 't_in_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('owner — the user named by the target\'s owner field may act without the role', async () => {
    expect(await as('resident')('staffOrOwnerOfTarget', { id: 't_in_a' })).toMatchObject({ ok: true });
    expect(await as('host-b')('staffOrOwnerOfTarget', { id: 't_in_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a target with no community can only be touched by an admin (or its owner), never by community staff', async () => {
    expect(await as('staff-a')('staffOrOwnerOfTarget', { id: 't_street' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as('admin')('staffOrOwnerOfTarget', { id: 't_street' })).toMatchObject({ ok: true });
  });

  test('a missing target → NOT_FOUND before any role check', async () => {
    expect(await as('staff-a')('staffOrOwnerOfTarget', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('no community in the declaration — the role in any community will do', async () => {
    expect(await as('host-b')('hostAnywhere', {})).toMatchObject({ ok: true });
    expect(await as('staff-a')('hostAnywhere', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as('resident')('hostAnywhere', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('admin is a street role, not a community one', async () => {
    expect(await as('admin')('adminOnly', {})).toMatchObject({ ok: true });
    expect(await as('staff-a')('adminOnly', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as(null)('adminOnly', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('a deleted account (its openid unlinked) holds no role any more', async () => {
    await store.update('users', 'u_staff_a', { openid: 'deleted:u_staff_a', roles: [], deletedAt: 2 });
    expect(await as('staff-a')('staffOfInput', { communityId: 'c_a' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
