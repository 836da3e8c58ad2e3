/** How each audited 创享计划 action reads on the round's timeline and in the audit trail. */
export const BUDGET_AUDIT_LABELS: Record<string, string> = {
  'budget.createRound': '新建创享计划',
  'budget.updateRound': '修改本轮设置',
  'budget.advanceRound': '进入下一阶段',
  'budget.openVoting': '开始投票',
  'budget.closeVoting': '投票截止',
  'budget.publishResults': '计票并公示结果',
  'budget.importPb': '导入测试轮次',
  'budget.submitProposal': '提交提案',
  'budget.editProposal': '修改提案',
  'budget.supportProposal': '附议',
  'budget.withdrawSupport': '撤回附议',
  'budget.reviewProposal': '审核提案',
  'budget.mergeProposals': '合并重复提案',
  'budget.castBallot': '投票',
  'budget.enterPaperBallot': '录入纸质选票',
  'budget.countersignPaperBallot': '复核纸质选票',
  'budget.setMilestones': '设置实施节点',
  'budget.addImplementationUpdate': '更新实施进展',
  'budget.rateProject': '满意度评价',
};

/** About one resident each: they stay off the public timeline; staff read them in the audit trail. */
export const PRIVATE_BUDGET_ACTIONS = new Set(['budget.supportProposal', 'budget.withdrawSupport', 'budget.castBallot', 'budget.rateProject']);
