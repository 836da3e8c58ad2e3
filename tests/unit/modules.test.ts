import { contract, MODULES as SHARED, NOTICE_CATEGORIES, PLATFORM_CONTRACTS, auditLabel, communitySettings, checkSettingsChanges } from '@shared/modules';
import { MODULES as SERVER, FUNCTIONS, PLATFORM_FUNCTIONS } from '../../cloudfunctions/modules';
import { collections } from '../../cloudfunctions/core/store/schema';

test('every module has both halves, under one name, and is served as its own function', () => {
  expect(SERVER.map((m) => m.shared.name)).toEqual(SHARED.map((m) => m.name));
  expect(SERVER.map((m) => m.shared)).toEqual([...SHARED]);
  expect(Object.keys(FUNCTIONS)).toEqual(Object.keys(contract));
});

test("the platform's own functions (the cron) are served and in the contract, under names no module takes", () => {
  const platform = Object.keys(PLATFORM_FUNCTIONS);
  expect(platform).toEqual(Object.keys(PLATFORM_CONTRACTS));
  expect(platform).toContain('cron');
  for (const name of platform) {
    expect(SHARED.map((m) => m.name as string)).not.toContain(name);
    expect(FUNCTIONS[name]).toBe(PLATFORM_FUNCTIONS[name as keyof typeof PLATFORM_FUNCTIONS]);
    expect(contract[name as keyof typeof contract]).toBe(PLATFORM_CONTRACTS[name as keyof typeof PLATFORM_CONTRACTS]);
  }
});

test('no two modules, nor a module and the platform, claim the same collection', () => {
  const declared = SERVER.flatMap((m) => Object.keys(m.collections));
  expect(new Set(declared).size).toBe(declared.length);
  expect(Object.keys(collections())).toEqual(expect.arrayContaining([...declared, 'audit', 'files']));
});

test('notice categories come from the modules that publish under them', () => {
  expect(NOTICE_CATEGORIES).toEqual(expect.arrayContaining(['通知', '活动', '协商公告', '结果公示']));
  expect(new Set(NOTICE_CATEGORIES).size).toBe(NOTICE_CATEGORIES.length);
});

test('audit actions read in words from whichever module owns them, and as themselves otherwise', () => {
  expect(auditLabel('consultation.advance')).toBe('进入下一步');
  expect(auditLabel('notice.publish')).toBe('发布公告');
  expect(auditLabel('role.grant.host')).toBe('授予主持人');
  expect(auditLabel('something.new')).toBe('something.new');
});

test('community settings are kept per module and read with defaults for anything never set', () => {
  expect(communitySettings(undefined).consultation).toEqual({ noticeDays: 3, topicNeedsApproval: false });
  expect(communitySettings({ consultation: { noticeDays: 5 } }).consultation).toEqual({ noticeDays: 5, topicNeedsApproval: false });
  expect(communitySettings({ wish: { maxOpenWishes: 5 } }).wish).toMatchObject({ maxOpenWishes: 5, maxValue: 500, longestPromiseDays: 30 });
  expect(checkSettingsChanges({ consultation: { noticeDays: 7 } })).toEqual({ ok: true });
  expect(checkSettingsChanges({ consultation: { noticeDays: -1 } })).toEqual({ ok: false, fields: { 'settings.consultation.noticeDays': '提前天数不能为负' } });
});
