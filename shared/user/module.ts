import { userContract } from '../contract/user';
import { defineModule } from '../module';

export const userModule = defineModule({
  name: 'user',
  contract: userContract,
  auditLabels: {
    'community.create': '新建社区',
    'community.settings': '修改社区设置',
    'residency.apply': '申请居民认证',
    'residency.approve': '通过居民认证',
    'residency.reject': '驳回居民认证',
    'role.grant.host': '授予主持人',
    'role.revoke.host': '撤销主持人',
    'role.grant.staff': '指派社区工作者',
    'role.revoke.staff': '撤销社区工作者',
    'role.grant.org': '认定爱心单位',
    'role.revoke.org': '撤销爱心单位',
    'user.delete': '注销账号',
  },
});
