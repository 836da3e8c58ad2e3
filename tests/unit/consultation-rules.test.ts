import fc from 'fast-check';
import { decide, type DecisionRule } from '@shared/consultation/decision';
import { collectingProblem, earlyCloseProblem } from '@shared/consultation/collection';
import { placeSignup, satisfactionRate, signupProblem } from '@shared/consultation/seats';
import { ballotChoices, missingToLeave, noticePeriodProblem, planProblems, sendBackProblem, stepProblem, type ConsultationFacts, type Plan } from '@shared/consultation/steps';
import { consultationNoticeText, consultationReportText } from '@shared/consultation/announcements';
import { parseShanghai } from '@shared/time';
import { DAY_MS } from '@shared/time';


describe('decision rules', () => {
  const rules: DecisionRule[] = ['majority', 'two_thirds', 'consensus'];

  test.each(rules)('%s: one short of quorum is 未达法定人数 whatever the votes', (rule) => {
    const d = decide({ rule, quorum: 5, attendance: 4, counts: [4, 0] });
    expect(d.outcome).toBe('no_quorum');
    expect(d.explanation).toContain('未达法定人数');
  });

  test.each(rules)('%s: exactly the quorum may decide', (rule) => {
    expect(decide({ rule, quorum: 5, attendance: 5, counts: [5, 0] }).outcome).toBe('decided');
  });

  test.each(rules)('%s: no votes cast decides nothing', (rule) => {
    expect(decide({ rule, quorum: 1, attendance: 3, counts: [0, 0] }).outcome).toBe('no_decision');
  });

  test('majority needs more than half of the votes cast: 5 of 10 is not enough, 6 of 11 is', () => {
    expect(decide({ rule: 'majority', quorum: 1, attendance: 10, counts: [5, 5] }).outcome).toBe('no_decision');
    expect(decide({ rule: 'majority', quorum: 1, attendance: 11, counts: [6, 5] })).toMatchObject({ outcome: 'decided', winner: 0 });
  });

  test('majority among three options: a plurality under half decides nothing', () => {
    expect(decide({ rule: 'majority', quorum: 1, attendance: 10, counts: [4, 3, 3] }).outcome).toBe('no_decision');
  });

  test('two thirds: 6 of 9 passes, 5 of 8 does not, 2 of 3 passes', () => {
    expect(decide({ rule: 'two_thirds', quorum: 1, attendance: 9, counts: [6, 3] })).toMatchObject({ outcome: 'decided', winner: 0 });
    expect(decide({ rule: 'two_thirds', quorum: 1, attendance: 8, counts: [5, 3] }).outcome).toBe('no_decision');
    expect(decide({ rule: 'two_thirds', quorum: 1, attendance: 3, counts: [1, 2] })).toMatchObject({ outcome: 'decided', winner: 1 });
  });

  test('consensus: one objection blocks it; all agreeing passes the proposal', () => {
    expect(decide({ rule: 'consensus', quorum: 2, attendance: 9, counts: [8, 1] }).outcome).toBe('no_decision');
    expect(decide({ rule: 'consensus', quorum: 2, attendance: 9, counts: [9, 0] })).toMatchObject({ outcome: 'decided', winner: 0 });
  });

  test('quorum counts attendance, not votes: abstentions do not undo quorum', () => {
    expect(decide({ rule: 'majority', quorum: 6, attendance: 6, counts: [2, 1] })).toMatchObject({ outcome: 'decided', winner: 0 });
  });

  test('property: a decided winner always has the most votes and the rule’s share', () => {
    fc.assert(
      fc.property(fc.constantFrom<DecisionRule>('majority', 'two_thirds'), fc.array(fc.nat(50), { minLength: 2, maxLength: 6 }), fc.nat(60), fc.nat(60), (rule, counts, attendance, quorum) => {
        const d = decide({ rule, quorum, attendance, counts });
        if (attendance < quorum) return d.outcome === 'no_quorum';
        if (d.outcome !== 'decided') return true;
        const cast = counts.reduce((a, b) => a + b, 0);
        const top = counts[d.winner!];
        const share = rule === 'majority' ? top * 2 > cast : top * 3 >= cast * 2;
        return share && counts.every((n, i) => i === d.winner || n < top);
      }),
    );
  });
});

const plan: Plan = {
  meetingAt: parseShanghai('2026-12-01 19:00'),
  place: '社区议事厅',
  invited: [{ role: '物业', count: 1 }],
  openSeats: 10,
  agenda: ['介绍'],
  rule: 'majority',
  quorum: 5,
  options: ['同意', '不同意'],
};

function facts(over: Partial<ConsultationFacts>): ConsultationFacts {
  return {
    step: 1,
    state: 'active',
    theme: '停车',
    collectFrom: 0,
    collectTo: 1000,
    collectionClosedAt: null,
    opinionCount: 1,
    topic: null,
    topicApproval: 'none',
    plan: null,
    noticeId: null,
    meetingOpenedAt: null,
    voteState: 'not_open',
    hasResult: false,
    minutes: '',
    reportNoticeId: null,
    implementedAt: null,
    ...over,
  };
}

describe('what is missing before a step can be left', () => {
  test('step 1 waits for the collection window unless closed early', () => {
    expect(missingToLeave(facts({}), 999, false)).toEqual(['等待意见收集期结束，或提前结束收集并说明理由']);
    expect(missingToLeave(facts({}), 1000, false)).toEqual([]);
    expect(missingToLeave(facts({ collectionClosedAt: 500 }), 600, false)).toEqual([]);
    expect(missingToLeave(facts({ opinionCount: 0 }), 1000, false)).toEqual(['至少收集到1条居民意见']);
  });

  test('step 2 needs adopted opinions and a reason, and approval when the community requires it', () => {
    const topic = { title: 't', background: 'b', question: 'q', adoptedOpinionIds: ['o1'], adoptionReason: 'r' };
    expect(missingToLeave(facts({ step: 2, topic }), 0, false)).toEqual([]);
    expect(missingToLeave(facts({ step: 2, topic: { ...topic, adoptedOpinionIds: [], adoptionReason: '' } }), 0, false)).toEqual(['关联至少1条采纳的意见', '说明采纳这些意见的理由']);
    expect(missingToLeave(facts({ step: 2, topic }), 0, true)).toEqual(['提交议题给社区工作者审核']);
    expect(missingToLeave(facts({ step: 2, topic, topicApproval: 'pending' }), 0, true)).toEqual(['等待社区工作者审核议题']);
    expect(missingToLeave(facts({ step: 2, topic, topicApproval: 'approved' }), 0, true)).toEqual([]);
  });

  test('step 3 checks the plan: options fit the rule, seats can reach quorum', () => {
    expect(planProblems(plan)).toEqual([]);
    expect(planProblems({ ...plan, options: ['只有一个'] })).toEqual(['至少设置2个表决选项']);
    expect(planProblems({ ...plan, rule: 'consensus', options: ['方案'] })).toEqual([]);
    expect(planProblems({ ...plan, rule: 'consensus' })).toEqual(['协商一致只需1个待表决的方案']);
    expect(planProblems({ ...plan, openSeats: 3, quorum: 5 })).toEqual(['参会名额少于法定人数']);
    expect(planProblems({ ...plan, openSeats: 4, quorum: 5 })).toEqual([]);
  });

  test('steps 4 to 6 each name their own content', () => {
    expect(missingToLeave(facts({ step: 4, plan }), 0, false)).toEqual(['发布协商公告']);
    expect(missingToLeave(facts({ step: 5, plan }), 0, false)).toEqual(['开始会议', '开启并结束表决', '填写会议纪要']);
    expect(missingToLeave(facts({ step: 5, meetingOpenedAt: 1, voteState: 'closed', hasResult: true, minutes: 'm' }), 0, false)).toEqual([]);
    expect(missingToLeave(facts({ step: 6 }), 0, false)).toEqual(['发布结果公示', '标记已落实，开启满意度评价']);
  });

  test('sending back is refused from step 1 and once the meeting has begun', () => {
    expect(sendBackProblem({ step: 1, meetingOpenedAt: null })).not.toBeNull();
    expect(sendBackProblem({ step: 4, meetingOpenedAt: null })).toBeNull();
    expect(sendBackProblem({ step: 5, meetingOpenedAt: null })).toBeNull();
    expect(sendBackProblem({ step: 5, meetingOpenedAt: 1 })).not.toBeNull();
    expect(sendBackProblem({ step: 6, meetingOpenedAt: 1 })).not.toBeNull();
  });

  test('the notice period is whole days before the meeting', () => {
    const now = plan.meetingAt - 3 * DAY_MS;
    expect(noticePeriodProblem(plan.meetingAt, now, 3)).toBeNull();
    expect(noticePeriodProblem(plan.meetingAt, now + 1, 3)).toContain('至少3天');
  });

  test('consensus ballots are 同意 / 反对', () => {
    expect(ballotChoices({ rule: 'consensus', options: ['方案甲'] })).toEqual(['同意', '反对']);
    expect(ballotChoices(plan)).toEqual(['同意', '不同意']);
  });
});

describe('what may be done at which step (the server refuses and the app hides by these)', () => {
  test('an action belongs to its steps, only while the consultation is active', () => {
    expect(stepProblem(facts({ step: 4 }), 4, 5)).toBeNull();
    expect(stepProblem(facts({ step: 3 }), 4, 5)).toBe('该操作属于第4步「发布公告」或第5步「开展协商」，当前在第3步「制定方案」');
    expect(stepProblem(facts({ step: 4, state: 'postponed' }), 4)).toBe('该议事已延期，当前在第4步「发布公告」');
  });

  test('opinions join a consultation at step 1, within its collection window, until it is closed early', () => {
    const open = facts({ step: 1, collectFrom: 100, collectTo: 1000 });
    expect(collectingProblem(open, 100)).toBeNull();
    expect(collectingProblem(open, 1000)).toBeNull();
    expect(collectingProblem(open, 99)).toBe('不在意见收集时间内');
    expect(collectingProblem(open, 1001)).toBe('不在意见收集时间内');
    expect(collectingProblem({ ...open, collectionClosedAt: 500 }, 600)).toBe('该议事已不再收集意见，您可以把意见提交到意见池');
    expect(collectingProblem({ ...open, step: 2 }, 600)).toBe('该议事已不再收集意见，您可以把意见提交到意见池');
    expect(collectingProblem({ ...open, state: 'postponed' }, 600)).toBe('该议事已不再收集意见，您可以把意见提交到意见池');
  });

  test('the collection ends early only while it runs and before its end', () => {
    const open = facts({ step: 1, collectFrom: 100, collectTo: 1000 });
    expect(earlyCloseProblem(open, 999)).toBeNull();
    expect(earlyCloseProblem(open, 1000)).toBe('收集期已过，无需提前结束');
    expect(earlyCloseProblem({ ...open, collectionClosedAt: 500 }, 600)).toBe('意见收集已经结束');
    expect(earlyCloseProblem({ ...open, step: 2 }, 600)).toBe('该操作属于第1步「收集意见」，当前在第2步「确定议题」');
  });

  test('sign-ups open with the notice and close when the meeting begins', () => {
    expect(signupProblem(facts({ step: 4, noticeId: 'n1' }))).toBeNull();
    expect(signupProblem(facts({ step: 5, noticeId: 'n1' }))).toBeNull();
    expect(signupProblem(facts({ step: 4 }))).toBe('协商公告发布后才能报名');
    expect(signupProblem(facts({ step: 5, noticeId: 'n1', meetingOpenedAt: 1 }))).toBe('会议已开始，报名已截止');
    expect(signupProblem(facts({ step: 4, noticeId: 'n1', state: 'cancelled' }))).toBe('该议事已取消，当前在第4步「发布公告」');
    expect(signupProblem(facts({ step: 6, noticeId: 'n1' }))).toBe('该操作属于第4步「发布公告」或第5步「开展协商」，当前在第6步「通报情况」');
  });
});

describe('seats and satisfaction', () => {
  test('the 21st sign-up for 20 seats joins the waitlist', () => {
    expect(placeSignup(19, 20, 0)).toBe('seated');
    expect(placeSignup(20, 20, 0)).toBe('waitlisted');
  });

  test('a freed seat goes to the waitlist, not to a newcomer', () => {
    expect(placeSignup(19, 20, 1)).toBe('waitlisted');
  });

  test('满意率 counts 满意 and 基本满意; none rated is null', () => {
    expect(satisfactionRate({ satisfied: 3, basic: 1, dissatisfied: 1 })).toBeCloseTo(0.8);
    expect(satisfactionRate({ satisfied: 0, basic: 0, dissatisfied: 0 })).toBeNull();
  });
});

describe('published texts', () => {
  const topic = { title: '夜间停车', background: '车位不足', question: '是否共享车位', adoptedOpinionIds: [], adoptionReason: '' };

  test('the 协商公告 gives the meeting time in Shanghai time and the seats', () => {
    const text = consultationNoticeText(topic, plan, null);
    expect(text).toContain('2026-12-01 19:00');
    expect(text).toContain('居民名额10个');
    expect(text).not.toContain('提前公告说明');
    expect(consultationNoticeText(topic, plan, '汛期抢修')).toContain('【提前公告说明】汛期抢修');
  });

  test('the 结果公示 gives the decision, every count and the milestones', () => {
    const text = consultationReportText({
      topic,
      theme: '停车',
      rule: 'majority',
      result: { outcome: 'decided', winner: 0, cast: 5, explanation: '获得4票', counts: [4, 1], choices: ['同意', '不同意'], attendance: 6, quorum: 5 },
      minutes: '纪要',
      responsible: '居委会',
      milestones: [{ title: '签协议', due: parseShanghai('2026-12-20') }],
    });
    expect(text).toContain('已形成决定：同意');
    expect(text).toContain('同意 4票，不同意 1票');
    expect(text).toContain('到会6人');
    expect(text).toContain('2026-12-20 签协议');
  });
});
