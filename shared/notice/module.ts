import { noticeContract } from '../contract/notice';
import { defineModule } from '../module';

export const noticeModule = defineModule({
  name: 'notice',
  contract: noticeContract,
  noticeCategories: ['通知', '活动'],
  auditLabels: {
    'notice.create': '起草公告',
    'notice.update': '修改公告',
    'notice.publish': '发布公告',
    'notice.unpublish': '撤回公告',
    'notice.pin': '置顶公告',
    'notice.unpin': '取消置顶',
    'notice.goLive': '定时发布',
    'notice.expire': '公告到期',
  },
});
