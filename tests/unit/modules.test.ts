import { contract, MODULES as SHARED, NOTICE_CATEGORIES, auditLabel, communitySettings, checkSettingsChanges } from '@shared/modules';
import { MODULES as SERVER, FUNCTIONS } from '../../cloudfunctions/modules';
import { collections } from '../../cloudfunctions/core/store/schema';

test('every module has both halves, under one name, and is served as its own function', () => {
  expect(SERVER.map((m) => m.shared.name)).toEqual(SHARED.map((m) => m.name));
  expect(SERVER.map((m) => m.shared)).toEqual([...SHARED]);
  expect(Object.keys(FUNCTIONS)).toEqual(Object.keys(contract));
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
  expect(communitySettings(undefined)).toEqual({ consultation: { noticeDays: 3, topicNeedsApproval: false } });
  expect(communitySettings({ consultation: { noticeDays: 5 } })).toEqual({ consultation: { noticeDays: 5, topicNeedsApproval: false } });
  expect(checkSettingsChanges({ consultation: { noticeDays: 7 } })).toEqual({ ok: true });
  expect(checkSettingsChanges({ consultation: { noticeDays: -1 } })).toEqual({ ok: false, fields: { 'settings.consultation.noticeDays': '提前天数不能为负' } });
});
