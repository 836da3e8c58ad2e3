import { z } from 'zod';
import { MODULE_SETTINGS, checkSettingsChanges } from '@shared/modules';
import { settingGroups, settingText, settingValue } from '@shared/settings-form';

const HAN = /\p{Script=Han}/u;

test('every setting of every module has Chinese words, so the settings page never shows a field name', () => {
  const groups = settingGroups();
  expect(groups.map((g) => g.module)).toEqual(Object.keys(MODULE_SETTINGS));
  for (const g of groups) {
    expect(g.title).toMatch(HAN);
    for (const f of g.fields) {
      expect(`${f.name}: ${f.label}`).toMatch(HAN);
      if (f.kind === 'yesNo' || f.kind === 'choice') for (const o of f.options) expect(o.label).toMatch(HAN);
    }
  }
});

test('the consultation settings read as a number in days and a yes/no, with the schema\'s bounds', () => {
  const consultation = settingGroups().find((g) => g.module === 'consultation')!;
  expect(consultation.title).toBe('居民议事厅');
  expect(consultation.fields.find((f) => f.key === 'noticeDays')).toEqual({
    module: 'consultation',
    key: 'noticeDays',
    name: 'settings.consultation.noticeDays',
    label: '协商公告提前天数',
    hint: expect.stringContaining('报名'),
    kind: 'number',
    min: 0,
    max: 30,
    integer: true,
    unit: '天',
  });
  expect(consultation.fields.find((f) => f.key === 'topicNeedsApproval')).toMatchObject({
    kind: 'yesNo',
    options: [
      { value: 'true', label: '需要审核' },
      { value: 'false', label: '不需要' },
    ],
  });
});

test('a module\'s new setting shows up by its kind, without the page naming it', () => {
  const [group] = settingGroups({
    wish: {
      title: '微心愿',
      schema: z.object({ maxOpen: z.number().int().min(1).max(10), categories: z.enum(['a', 'b']), note: z.string().max(30).optional() }),
      defaults: { maxOpen: 3, categories: 'a' },
      labels: { maxOpen: { label: '每人最多心愿数', unit: '个' }, categories: { label: '类别', options: { a: '生活', b: '学习' } }, note: { label: '说明' } },
    },
  });
  expect(group.fields.map((f) => [f.key, f.kind])).toEqual([
    ['maxOpen', 'number'],
    ['categories', 'choice'],
    ['note', 'text'],
  ]);
  expect(group.fields[1]).toMatchObject({ options: [{ value: 'a', label: '生活' }, { value: 'b', label: '学习' }] });
  expect(group.fields[2]).toMatchObject({ max: 30 });
});

test('form text goes back to the setting\'s type, and what the server refuses is keyed by the form\'s field names', () => {
  const fields = settingGroups().find((g) => g.module === 'consultation')!.fields;
  const days = fields.find((f) => f.key === 'noticeDays')!;
  const approval = fields.find((f) => f.key === 'topicNeedsApproval')!;
  expect(settingValue(days, ' 5 ')).toBe(5);
  expect(settingValue(approval, 'true')).toBe(true);
  expect(settingText(approval, false)).toBe('false');
  expect(settingText(days, 3)).toBe('3');
  const refused = checkSettingsChanges({ consultation: { noticeDays: settingValue(days, '') } });
  expect(refused).toEqual({ ok: false, fields: { [days.name]: expect.stringMatching(HAN) } });
});

test('a list setting (the wish categories) is typed on one line with 、 and goes back as a list', () => {
  const categories = settingGroups().find((g) => g.module === 'wish')!.fields.find((f) => f.key === 'categories')!;
  expect(categories.kind).toBe('list');
  expect(settingText(categories, ['生活用品', '助老服务'])).toBe('生活用品、助老服务');
  expect(settingValue(categories, ' 生活用品、助老服务，维修帮忙 ')).toEqual(['生活用品', '助老服务', '维修帮忙']);
  expect(checkSettingsChanges({ wish: { categories: settingValue(categories, '生活用品、') } })).toEqual({ ok: true });
});
