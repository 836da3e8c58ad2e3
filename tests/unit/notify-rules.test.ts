import { CONSULTATION_EVENTS, consultationPostponed, consultationReminder } from '@shared/consultation/notifications';
import { cutCharacterString, cutDateTime, cutName, cutNumber, cutPhrase, cutThing, fieldKind, templateData } from '@shared/notify/fields';
import { inQuietHours, sendableAt } from '@shared/notify/quiet';
import { MODULES } from '@shared/modules';
import type { SharedModule } from '@shared/module';
import { eventOfType, notifyEvents, templateKeys } from '@shared/notify/registry';
import { afterFailure, MAX_TRIES, NO_SUBSCRIPTION, retryDelay } from '@shared/notify/retry';
import { parseShanghai } from '@shared/time';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const at = (text: string) => parseShanghai(text);

describe('template fields are cut to WeChat’s limits', () => {
  test('thing: 20 characters at most, a cut one ends in …, emoji count once and are never split', () => {
    expect(cutThing('小区停车难怎么办')).toBe('小区停车难怎么办');
    const long = '关于小区东门外夜间停车与邻近单位共享车位的协商议题';
    expect(Array.from(cutThing(long))).toHaveLength(20);
    expect(cutThing(long)).toBe(`${Array.from(long).slice(0, 19).join('')}…`);
    expect(cutThing('a'.repeat(20))).toBe('a'.repeat(20));
    const emoji = `${'停'.repeat(18)}🚗🚗🚗`;
    expect(cutThing(emoji)).toBe(`${'停'.repeat(18)}🚗…`);
  });

  test('thing: one line, and never empty (WeChat refuses an empty field)', () => {
    expect(cutThing('  第一行\n第二行  ')).toBe('第一行 第二行');
    expect(cutThing('   ')).toBe('无');
  });

  test('phrase: up to 5 汉字 and nothing else', () => {
    expect(cutPhrase('已延期')).toBe('已延期');
    expect(cutPhrase('会议已经延期到下周')).toBe('会议已经延');
    expect(cutPhrase('OK 已取消!')).toBe('已取消');
    expect(cutPhrase('OK')).toBe('无');
  });

  test('name: 10 汉字, or 20 letters when there are none', () => {
    expect(cutName('欧阳一二三四五六七八九')).toBe('欧阳一二三四五六七八');
    expect(cutName('Alexandra Christensen-Smith')).toBe('Alexandra Christense');
  });

  test('number and character_string keep only what their kind allows', () => {
    expect(cutNumber(42)).toBe('42');
    expect(cutNumber('第3号')).toBe('3');
    expect(cutNumber('9'.repeat(40))).toHaveLength(32);
    expect(cutCharacterString('编号 AB-12')).toBe('AB-12');
    expect(cutCharacterString('x'.repeat(40))).toHaveLength(32);
  });

  test('date and time: a timestamp in Shanghai time as WeChat writes it', () => {
    expect(cutDateTime(at('2026-05-01 09:30'))).toBe('2026年5月1日 09:30');
    // 23:30 UTC is already the next morning in Shanghai.
    expect(cutDateTime(Date.UTC(2026, 11, 31, 23, 30))).toBe('2027年1月1日 07:30');
  });

  test('templateData cuts each field by the kind its key names, and refuses an unknown kind', () => {
    expect(fieldKind('thing12')).toBe('thing');
    expect(fieldKind('character_string3')).toBe('character_string');
    expect(fieldKind('amount1')).toBeNull();
    expect(templateData({ thing1: '很'.repeat(30), phrase2: '已延期了啊啊啊', time3: at('2026-05-01 09:30') })).toEqual({
      thing1: { value: `${'很'.repeat(19)}…` },
      phrase2: { value: '已延期了啊' },
      time3: { value: '2026年5月1日 09:30' },
    });
    expect(() => templateData({ amount1: '3元' })).toThrow(/amount1/);
  });
});

describe('quiet hours: 21:00 to 08:00 Shanghai time', () => {
  test('the edges', () => {
    expect(inQuietHours(at('2026-05-01 20:59'))).toBe(false);
    expect(inQuietHours(at('2026-05-01 21:00'))).toBe(true);
    expect(inQuietHours(at('2026-05-02 07:59'))).toBe(true);
    expect(inQuietHours(at('2026-05-02 08:00'))).toBe(false);
  });

  test('a message due in quiet hours waits until 08:00; outside them it goes at once', () => {
    expect(sendableAt(at('2026-05-01 22:15'))).toBe(at('2026-05-02 08:00'));
    expect(sendableAt(at('2026-05-02 03:00'))).toBe(at('2026-05-02 08:00'));
    expect(sendableAt(at('2026-05-02 12:00'))).toBe(at('2026-05-02 12:00'));
  });
});

describe('retry policy', () => {
  const noon = at('2026-05-01 12:00');

  test('43101 (no subscription left) is never retried', () => {
    for (const tries of [1, 2, MAX_TRIES]) expect(afterFailure(NO_SUBSCRIPTION, tries, noon)).toEqual({ state: 'skipped', reason: 'no-subscription' });
  });

  test('errors that would fail the same way again are not retried', () => {
    expect(afterFailure(47003, 1, noon)).toEqual({ state: 'failed', reason: 'wechat-47003' });
    expect(afterFailure(40003, 1, noon)).toEqual({ state: 'failed', reason: 'wechat-40003' });
  });

  test('transient errors are retried with growing back-off, then dead-lettered after MAX_TRIES', () => {
    expect(afterFailure(-1, 1, noon)).toEqual({ state: 'queued', nextAt: noon + retryDelay(1) });
    expect(afterFailure(null, 2, noon)).toEqual({ state: 'queued', nextAt: noon + retryDelay(2) });
    expect(retryDelay(2)).toBeGreaterThan(retryDelay(1));
    expect(retryDelay(20)).toBe(2 * 60 * 60 * 1000);
    expect(afterFailure(-1, MAX_TRIES - 1, noon).state).toBe('queued');
    expect(afterFailure(-1, MAX_TRIES, noon)).toEqual({ state: 'dead', reason: 'wechat--1' });
    expect(afterFailure(null, MAX_TRIES, noon)).toEqual({ state: 'dead', reason: 'network' });
  });

  test('a retry never lands in quiet hours', () => {
    const late = at('2026-05-01 20:59');
    expect(afterFailure(-1, 1, late)).toEqual({ state: 'queued', nextAt: at('2026-05-02 08:00') });
  });
});

describe('consultation’s events', () => {
  const sample = { communityId: 'c_1', consultationId: 'cs_1', title: '是否与邻近单位共享夜间车位的协商', meetingAt: at('2026-05-03 19:00'), place: '社区议事厅', reason: '场地维修', openedAt: at('2026-05-03 10:00') };

  test.each(CONSULTATION_EVENTS.map((e) => [e.type, e] as const))('%s renders an inbox message with a link, and template fields WeChat accepts', (_name, event) => {
    expect(event.title(sample as never).length).toBeGreaterThan(0);
    expect(event.link(sample as never)).toEqual({ module: 'consultation', id: 'cs_1' });
    expect(event.template.page(sample as never)).toBe('packages/consultation/detail/index?id=cs_1');
    const data = templateData(event.template.fields(sample as never));
    for (const [key, { value }] of Object.entries(data)) {
      expect(value.length).toBeGreaterThan(0);
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    }
  });

  test('event types are unique across modules, and events may share a template', () => {
    expect(new Set(notifyEvents().map((e) => e.type)).size).toBe(notifyEvents().length);
    expect(consultationPostponed.template.key).toBe('CONSULTATION_CHANGED');
    expect(templateKeys()).toContain(consultationReminder.template.key);
    expect(templateKeys().length).toBeLessThan(notifyEvents().length);
  });
});

describe('the registry is read from the module manifests', () => {
  const modules = MODULES as readonly SharedModule[];

  test('it is every module’s declared events, in module order, and each type names the module declaring it', () => {
    expect(notifyEvents()).toEqual(modules.flatMap((m) => m.events ?? []));
    for (const m of modules) for (const e of m.events ?? []) expect(e.type.startsWith(`${m.name}.`)).toBe(true);
    expect(notifyEvents().map((e) => e.type)).toEqual(expect.arrayContaining(['consultation.announced', 'consultation.reminder']));
  });

  test('the notification module declares no events of its own, and an undeclared type is unknown', () => {
    expect(modules.find((m) => m.name === 'notify')?.events ?? []).toEqual([]);
    expect(eventOfType('consultation.promoted')?.label).toBe('候补成功');
    expect(eventOfType('nothing.declared')).toBeUndefined();
  });

  test('the notification module’s code names none of the modules it serves (only the inbox’s owner, user)', () => {
    const root = join(__dirname, '../..');
    const files = ['shared/notify', 'cloudfunctions/notify'].flatMap((dir) => readdirSync(join(root, dir)).map((f) => join(root, dir, f)));
    const others = modules.map((m) => m.name).filter((n) => n !== 'notify' && n !== 'user');
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const name of others) expect({ file, names: new RegExp(`\\b${name}\\b`).test(code) }).toEqual({ file, names: false });
    }
  });

  test('an event happening carries its type and data as declared', () => {
    const data = { communityId: 'c_1', consultationId: 'cs_1', title: '停车', reason: '下雨' };
    expect(consultationPostponed.with(data)).toEqual({ type: 'consultation.postponed', data });
  });
});
