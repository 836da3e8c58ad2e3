/** How each audited 微心愿 action reads on a wish's timeline and in the audit trail. */
export const WISH_AUDIT_LABELS: Record<string, string> = {
  'wish.submit': '许下心愿',
  'wish.proxySubmit': '社区代办登记',
  'wish.approve': '审核通过，上墙',
  'wish.reject': '审核未通过',
  'wish.withdraw': '撤回心愿',
  'wish.claim': '认领心愿',
  'wish.release': '放弃认领',
  'wish.lapse': '超过承诺日期，认领取消',
  'wish.fulfil': '报告心愿已实现',
  'wish.confirm': '确认完成并致谢',
  'wish.confirmByPhone': '电话回访确认完成',
  'wish.expire': '到期无人认领',
  'wish.correctPoints': '更正爱心积分',
  'wish.applyOrg': '申请爱心单位',
};

/** Entries that name a person's private business stay off the public timeline; staff read them in the audit trail. */
export const PRIVATE_WISH_ACTIONS = new Set(['wish.correctPoints', 'wish.applyOrg']);
