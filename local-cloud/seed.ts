import { NEVER } from '@shared/notice/rules';
import type { UserDoc } from '../cloudfunctions/core/caller';
import type { Store } from '../cloudfunctions/core/store/port';
import { householdKey } from '@shared/user/household';
import { STREET_ID } from '../cloudfunctions/user/communities';
import { addRoleHolder } from '../cloudfunctions/user/roles';
import { seedDemoActivity } from './demo-activity';
import type { CommunityDoc } from '../cloudfunctions/user/records';
import type { NoticeDoc } from '../cloudfunctions/notice/records';
import { seedBudgetDemo } from './seed-budget';
import { seedRoomActivity, seedRooms } from './seed-rooms';
import { seedWishes } from './seed-wishes';
import { seedMonths } from './seed-months';

export const DEMO_COMMUNITIES = [
  { id: 'c_xingfuli', name: '幸福里社区' },
  { id: 'c_heping', name: '和平社区' },
];

type Account = {
  openid: string;
  label: string;
  nickname: string;
  /** The name given when applying for residency. */
  name?: string;
  community?: string;
  building?: string;
  unit?: string;
  room?: string;
  roles?: ('host' | 'staff' | 'org')[];
  admin?: boolean;
};

/** The demo street's people. Logins on the H5 sign-in page; openids are what WeChat would give. */
export const DEMO_ACCOUNTS: Account[] = [
  { openid: 'demo-admin', label: '街道管理员 周主任', nickname: '周主任', admin: true },
  { openid: 'demo-staff', label: '社区工作者 李书记（幸福里）', nickname: '李书记', community: 'c_xingfuli', roles: ['staff'] },
  { openid: 'demo-staff-heping', label: '社区工作者 孙干事（和平）', nickname: '孙干事', community: 'c_heping', roles: ['staff'] },
  { openid: 'demo-host', label: '议事厅厅长 王大姐（幸福里）', nickname: '王大姐', name: '王秀英', community: 'c_xingfuli', building: '3号楼', unit: '2单元', room: '301', roles: ['host'] },
  { openid: 'demo-resident-1', label: '居民 张阿姨（幸福里）', nickname: '张阿姨', name: '张桂芳', community: 'c_xingfuli', building: '1号楼', unit: '1单元', room: '102' },
  { openid: 'demo-resident-2', label: '居民 刘大爷（幸福里）', nickname: '刘大爷', name: '刘建国', community: 'c_xingfuli', building: '2号楼', unit: '3单元', room: '501' },
  { openid: 'demo-resident-3', label: '居民 陈女士（幸福里）', nickname: '陈女士', name: '陈静', community: 'c_xingfuli', building: '5号楼', unit: '1单元', room: '203' },
  { openid: 'demo-resident-4', label: '居民 赵先生（幸福里）', nickname: '赵先生', name: '赵磊', community: 'c_xingfuli', building: '6号楼', unit: '2单元', room: '404' },
  { openid: 'demo-resident-heping', label: '居民 吴奶奶（和平）', nickname: '吴奶奶', name: '吴淑珍', community: 'c_heping', building: '8号楼', unit: '1单元', room: '101' },
  { openid: 'demo-visitor', label: '访客（未认证）', nickname: '' },
  // Appended, so the accounts above keep their ids (u_demo<index>).
  { openid: 'demo-org', label: '爱心单位 幸福里爱心超市', nickname: '爱心超市', community: 'c_xingfuli', roles: ['org'] },
];

const NOTICES: { community: string | null; category: NoticeDoc['category']; title: string; body: string; pinned?: boolean; hoursAgo: number }[] = [
  { community: 'c_xingfuli', category: '通知', title: '关于本周六小区二次供水设施清洗的通知', body: '本周六上午8:00至12:00，小区二次供水设施进行清洗消毒，期间1至6号楼将暂停供水，请居民提前储水。给您带来不便，敬请谅解。', pinned: true, hoursAgo: 2 },
  { community: 'c_xingfuli', category: '活动', title: '“邻里一家亲”重阳敬老活动报名', body: '社区将于下周三在文体中心举办重阳敬老活动，有义诊、理发、文艺演出。欢迎60岁以上老人报名参加，也欢迎志愿者报名服务。', hoursAgo: 26 },
  { community: 'c_xingfuli', category: '创享计划', title: '2026年度“创享计划”项目征集开始啦', body: '社区微更新、邻里互助、文化活动……您有好点子吗？即日起至月底，欢迎居民和社区社会组织提交项目建议。', hoursAgo: 50 },
  { community: null, category: '通知', title: '街道冬季消防安全提示', body: '冬季天干物燥，请勿在楼道堆放杂物，勿给电动车在室内充电。发现火情请立即拨打119。', hoursAgo: 72 },
  { community: 'c_heping', category: '通知', title: '和平社区党群服务中心开放时间调整', body: '自下周一起，党群服务中心开放时间调整为每天8:30至17:30，周末照常开放。', hoursAgo: 30 },
];

/**
 * Fills an empty database with a demo street. Returns false when there was data already. `activity` adds the
 * consultations and opinions of `demo-activity.ts` (npm start does; the test clouds start from the bare street).
 */
export async function seedDemo(store: Store, now = Date.now(), options: { activity?: boolean } = {}): Promise<boolean> {
  if ((await store.count('communities')) > 0) return false;
  for (const c of DEMO_COMMUNITIES) {
    const doc: CommunityDoc = { _id: c.id, name: c.name, streetId: STREET_ID, settings: {}, createdAt: now };
    await store.create('communities', doc);
  }
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    if (a.openid === 'demo-visitor') continue;
    const user: UserDoc = {
      _id: `u_demo${i}`,
      openid: a.openid,
      nickname: a.nickname,
      avatarFileId: null,
      residency: a.building && a.community
        ? {
            communityId: a.community,
            name: a.name ?? a.nickname,
            building: a.building,
            unit: a.unit ?? '',
            room: a.room ?? '',
            household: householdKey({ building: a.building, unit: a.unit ?? '', room: a.room }),
            status: 'approved',
            reason: null,
            appliedAt: now,
            reviewedAt: now,
          }
        : null,
      roles: (a.roles ?? []).map((role) => ({ communityId: a.community as string, role })),
      admin: a.admin ?? false,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await store.create('users', user);
    // The lists of a community's hosts and staff read these, as if the roles had been granted in the app.
    for (const r of user.roles) await store.transaction((tx) => addRoleHolder(tx, r.communityId, r.role, user._id, now));
  }
  for (const [i, n] of NOTICES.entries()) {
    const at = now - n.hoursAgo * 3600_000;
    const community = DEMO_COMMUNITIES.find((c) => c.id === n.community);
    const notice: NoticeDoc = {
      _id: `n_demo${i}`,
      communityId: n.community,
      communityName: community?.name ?? '全街道',
      streetId: STREET_ID,
      audience: n.community ?? `street:${STREET_ID}`,
      scope: n.community ? 'community' : 'street',
      category: n.category,
      title: n.title,
      body: n.body,
      images: [],
      attachments: [],
      pinned: n.pinned ?? false,
      status: 'published',
      publishAt: at,
      expireAt: NEVER,
      readCount: 0,
      createdBy: n.community ? 'u_demo1' : 'u_demo0',
      createdAt: at,
      updatedAt: at,
      source: null,
    };
    await store.create('notices', notice);
  }
  // Rooms first: the consultations' plans hold the 议事厅.
  await seedRooms(store, now);
  if (options.activity) await seedDemoActivity(store, now);
  if (options.activity) await seedRoomActivity(store, now);
  await seedBudgetDemo(store, now);
  await seedWishes(store, now);
  if (options.activity) await seedMonths(store, now);
  return true;
}
