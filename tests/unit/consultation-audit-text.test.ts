import { describeAuditValue } from '../../miniprogram/src/packages/consultation/auditText';

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
