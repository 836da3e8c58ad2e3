import { describeAuditChange, describeAuditValue } from '../../miniprogram/src/packages/consultation/auditText';

describe('the 议事 audit trail reads in words', () => {
  test('a step change names the step and the state', () => {
    expect(describeAuditValue({ step: 3, state: 'postponed' })).toBe('第3步「制定方案」，状态：已延期');
  });

  test('a sign-up, a rating and a vote read as 报名, 满意度 and 已投票', () => {
    expect(describeAuditValue({ status: 'waitlisted', seq: 3 })).toBe('报名：候补，序号：3');
    expect(describeAuditValue('basic')).toBe('基本满意');
    expect(describeAuditValue('voted')).toBe('已投票');
  });

  test('the close of a vote reads with its attendance, votes and outcome', () => {
    expect(describeAuditValue({ step: 5, attendance: 3, votes: 2, outcome: 'no_quorum' })).toBe('第5步「开展协商」，到会人数：3，投票数：2，表决结果：未达法定人数');
  });

  test('a meeting time is a Shanghai date, nothing is a dash', () => {
    expect(describeAuditValue({ meetingAt: Date.UTC(2026, 10, 28, 11, 0) })).toBe('会议时间：2026年11月28日 19:00');
    expect(describeAuditValue(null)).toBe('—');
  });
});

describe('an audit entry\'s change reads in Chinese and leaves out what did not change', () => {
  test('a saved plan shows its rule in words, never the stored code', () => {
    const change = describeAuditChange({ step: 3, state: 'active' }, { step: 3, meetingAt: Date.UTC(2026, 11, 5, 11, 0), rule: 'majority', quorum: 5 });
    expect(change).toBe('会议时间：2026年12月5日 19:00，表决规则：简单多数（超过投票数的一半），法定人数：5');
    expect(change).not.toMatch(/[a-z_]{3,}/);
    expect(describeAuditChange(null, { rule: 'two_thirds' })).toBe('表决规则：三分之二多数');
    expect(describeAuditChange(null, { rule: 'consensus' })).toBe('表决规则：协商一致（无人反对）');
  });

  test('nothing changed → nothing to show (not "状态：进行中 → 状态：进行中")', () => {
    expect(describeAuditChange({ step: 5, state: 'active' }, { step: 5, state: 'active' })).toBe('');
    expect(describeAuditChange('voted', 'voted')).toBe('');
  });

  test('only the fields that changed are shown, on both sides', () => {
    expect(describeAuditChange({ step: 2, state: 'active' }, { step: 3, state: 'active' })).toBe('第2步「确定议题」 → 第3步「制定方案」');
    expect(describeAuditChange({ step: 4, state: 'active' }, { step: 4, state: 'postponed' })).toBe('状态：进行中 → 状态：已延期');
    expect(describeAuditChange({ status: 'waitlisted', seq: 3 }, { status: 'seated' })).toBe('报名：候补 → 报名：已报名');
  });

  test('a first value has no arrow; an internal id is never shown', () => {
    expect(describeAuditChange(null, { status: 'seated', seq: 1 })).toBe('报名：已报名，序号：1');
    expect(describeAuditChange(null, 'satisfied')).toBe('满意');
    expect(describeAuditChange(null, { title: '加装电梯', consultationId: 'cs_123' })).toBe('标题：加装电梯');
    expect(describeAuditChange({ supportCount: 2 }, { supportCount: 5, merged: ['op_1', 'op_2'] })).toBe('附议数：2 → 附议数：5，合并意见：2项');
  });

  test('an early start shows when it was set for and when it opened', () => {
    expect(describeAuditChange({ step: 5, state: 'active' }, { step: 5, meetingAt: Date.UTC(2026, 11, 5, 11, 0), openedAt: Date.UTC(2026, 11, 1, 2, 0) })).toBe(
      '会议时间：2026年12月5日 19:00，实际开始时间：2026年12月1日 10:00',
    );
  });
});
