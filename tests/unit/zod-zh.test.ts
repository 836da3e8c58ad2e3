import { z } from 'zod';
import { choice, contract, id, parseInput, text } from '@shared/contract';

describe('parseInput keeps the wording each schema chose', () => {
  // Regression: zhErrorMap, passed to safeParse, ran last and replaced `required_error`, `invalid_type_error` and
  // a choice's errorMap with its generic fallbacks, so "请填写标题" became "此项必填".
  test('required and wrong-type messages name the field', () => {
    const result = parseInput(contract.notice.create.input, { communityId: 5, category: 7 });
    expect(result).toEqual({
      ok: false,
      fields: { communityId: '社区格式不正确', category: '分类格式不正确', title: '请填写标题', body: '请填写正文' },
    });
  });

  test('a missing boolean says what to choose', () => {
    expect(parseInput(contract.user.reviewResidency.input, { userId: 'u_1' })).toEqual({
      ok: false,
      fields: { approve: '请选择通过或驳回' },
    });
  });

  test('a refinement message lands on its path', () => {
    expect(parseInput(contract.user.reviewResidency.input, { userId: 'u_1', approve: false })).toEqual({
      ok: false,
      fields: { reason: '驳回时请填写理由' },
    });
  });

  test('unworded issues get the Chinese fallbacks', () => {
    const schema = z.object({ n: z.number(), tags: z.array(z.string()).max(2), kind: z.literal('a') }).strict();
    expect(parseInput(schema, { tags: ['a', 'b', 'c'], kind: 'b', x: 1 })).toEqual({
      ok: false,
      fields: { n: '此项必填', tags: '最多2项', kind: '请选择有效的选项', _: '不认识的字段：x' },
    });
    expect(parseInput(schema, { n: 'one', tags: [], kind: 'a' })).toEqual({ ok: false, fields: { n: '格式不正确' } });
  });

  test('no English leaks for any shape of bad input', () => {
    const schema = z.object({ a: id('编号'), b: text('说明', { max: 3 }), c: choice('种类', ['x', 'y']) }).strict();
    for (const data of [null, [], 'str', 1, { a: {}, b: [], c: 3 }, { a: '../x', b: '太长了吧', c: 'z' }]) {
      const result = parseInput(schema, data);
      expect(result.ok).toBe(false);
      if (!result.ok) for (const message of Object.values(result.fields)) expect(message).toMatch(/^[^A-Za-z]*$/);
    }
  });

  test('valid input is returned parsed, with defaults and trimming', () => {
    const result = parseInput(contract.notice.create.input, { communityId: 'c_1', category: '通知', title: '  停水通知 ', body: '周六' });
    expect(result).toEqual({
      ok: true,
      value: { communityId: 'c_1', scope: 'community', category: '通知', title: '停水通知', body: '周六', images: [], attachments: [], pinned: false },
    });
  });
});
