import { z } from 'zod';
import type { AuditFields } from '../audit/chain';
import { action, type Role } from './action';
import { choice, fileId, id, pageInput, text, type Page } from './fields';

export type ResidencyStatus = 'pending' | 'approved' | 'rejected';

export interface Residency {
  communityId: string;
  communityName: string;
  /** The name the applicant gave, for staff to check against; absent on applications made before it was asked. */
  name?: string;
  building: string;
  unit: string;
  /** The room number, when typed apart from the unit. */
  room?: string;
  /** As typed, for staff to call back; kept only until the application is reviewed. */
  phone?: string;
  status: ResidencyStatus;
  reason: string | null;
  appliedAt: number;
  reviewedAt: number | null;
}

export interface MeView {
  id: string;
  nickname: string;
  avatarFileId: string | null;
  residency: Residency | null;
  roles: { communityId: string; role: Extract<Role, 'host' | 'staff' | 'org'> }[];
  admin: boolean;
  createdAt: number;
}

/**
 * A community's settings, one group per module that has any (`settings.consultation.noticeDays`). Each module
 * declares its group's fields, messages and defaults in its manifest and reads it with its own helper
 * (`consultationSettingsOf(community)`), so nothing here names a module.
 */
export type CommunitySettings = Record<string, Record<string, unknown>>;

export interface CommunityView {
  id: string;
  name: string;
  streetId: string;
  settings: CommunitySettings;
}

export interface ResidencyApplication {
  userId: string;
  nickname: string;
  residency: Residency;
  /** Residents already verified at the same flat (however its address was typed), for staff to check. */
  sameHousehold: { userId: string; name: string }[];
}

export interface MemberView {
  userId: string;
  nickname: string;
  /** The name given when applying, when there is one. */
  name: string;
  building: string;
  unit: string;
  room: string;
  roles: Extract<Role, 'host' | 'staff' | 'org'>[];
}

/** Someone the street admin looked up to make staff: who they are and where they already have a place. */
export interface UserCard {
  userId: string;
  nickname: string;
  /** The community they are a verified resident of, by name. */
  residentOf: string | null;
  /** Communities where they are staff, by id. */
  staffOf: string[];
}

export interface ResidencyQueueCount {
  communityId: string;
  pending: number;
}

/**
 * An audit entry as staff read it: the hashed fields less the chain bookkeeping. An entry is sealed into the
 * chain about a minute after the change; until then `sealed` is false and `seq` is 0 (chains start at 1).
 * `id` identifies it either way.
 */
export type AuditEntryView = Omit<AuditFields, 'communityId' | 'requestId'> & { id: string; sealed: boolean };

export interface ChainCheck {
  ok: boolean;
  /** Sealed entries checked. */
  checked: number;
  /** The sequence number of the first entry that does not match its link, when broken. */
  brokenAt: number | null;
  reason: string | null;
  /** Entries recorded but not yet sealed into the chain, so not covered by this check. */
  unsealed: number;
}

export interface InboxItem {
  id: string;
  title: string;
  body: string;
  link: { module: string; id: string } | null;
  read: boolean;
  createdAt: number;
}

export interface MyData {
  user: Record<string, unknown>;
  records: Record<string, unknown[]>;
}

const building = text('楼栋', { max: 20 });
const unit = text('单元/门牌', { max: 20 });
/** Search words, not stored: no content check, just bounded. */
const searchWord = (label: string, max = 20) => z.string({ invalid_type_error: `${label}格式不正确` }).trim().max(max, `${label}不能超过${max}个字`);
/** A phone number as people write it: digits with spaces, dashes, brackets or a leading +. */
const phone = z
  .string({ invalid_type_error: '电话格式不正确' })
  .trim()
  .max(20, '电话不能超过20位')
  .regex(/^\+?[0-9][0-9\s\-()（）]{4,19}$/u, '请填写正确的电话号码，如 13812345678');
const grantedRole = choice('角色', ['host', 'staff']);

export const userContract = {
  me: action<MeView>()({
    input: z.object({}).strict(),
    permission: { allow: 'user' },
    summary: '读取我的资料（首次调用时创建）',
  }),
  updateProfile: action<MeView>()({
    input: z
      .object({ nickname: text('昵称', { max: 20 }).optional(), avatarFileId: fileId('头像').optional() })
      .strict(),
    permission: { allow: 'user' },
    summary: '修改昵称或头像',
  }),
  listCommunities: action<CommunityView[]>()({
    input: z.object({}).strict(),
    permission: { allow: 'anyone' },
    summary: '列出街道内的社区',
  }),
  applyResidency: action<MeView>()({
    // Name and room may be left out by apps released before they were asked; sent, they must be filled in.
    input: z
      .object({ communityId: id('社区'), name: text('姓名', { max: 20 }).optional(), building, unit, room: text('门牌号', { max: 20 }).optional(), phone: phone.optional() })
      .strict(),
    permission: { allow: 'user' },
    summary: '申请居民认证',
    create: true,
  }),
  listResidencyApplications: action<Page<ResidencyApplication>>()({
    input: z
      .object({ communityId: id('社区'), status: choice('状态', ['pending', 'approved', 'rejected']).optional(), ...pageInput })
      .strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '查看居民认证申请',
  }),
  reviewResidency: action<ResidencyApplication>()({
    input: z
      .object({ userId: id('居民'), approve: z.boolean({ required_error: '请选择通过或驳回' }), reason: text('驳回理由', { min: 0, max: 200 }).optional() })
      .strict()
      .refine((v) => v.approve || (v.reason ?? '').length > 0, { message: '驳回时请填写理由', path: ['reason'] }),
    permission: {
      allow: ['staff'],
      community: 'target',
      target: { collection: 'users', idField: 'userId', communityField: 'residency.communityId' },
    },
    summary: '审核居民认证',
  }),
  countResidencyApplications: action<ResidencyQueueCount[]>()({
    input: z.object({}).strict(),
    permission: { allow: ['staff'] },
    summary: '待审核的居民认证申请数（我任社区工作者的每个社区）',
  }),
  listMembers: action<Page<MemberView>>()({
    input: z
      .object({ communityId: id('社区'), building: searchWord('楼栋').optional(), unit: searchWord('单元').optional(), ...pageInput })
      .strict()
      .refine((v) => !v.unit || !!v.building, { message: '按单元查找时请先填写楼栋', path: ['building'] }),
    permission: { allow: ['staff'], community: 'input' },
    summary: '查看本社区已认证居民（可按楼栋、单元查找）',
  }),
  listRoleHolders: action<Page<MemberView>>()({
    input: z.object({ communityId: id('社区'), role: grantedRole, ...pageInput }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '查看社区的主持人或社区工作者',
  }),
  findUsers: action<UserCard[]>()({
    input: z.object({ query: searchWord('昵称或用户编号', 64).min(1, '请输入昵称或用户编号') }).strict(),
    permission: { allow: ['admin'] },
    summary: '按昵称或用户编号查找用户（指派社区工作者时）',
  }),
  grantHost: action<MemberView>()({
    input: z.object({ communityId: id('社区'), userId: id('居民') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '授予主持人（议事厅厅长）',
  }),
  revokeHost: action<MemberView>()({
    input: z.object({ communityId: id('社区'), userId: id('居民') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '撤销主持人',
  }),
  createCommunity: action<CommunityView>()({
    input: z.object({ name: text('社区名称', { min: 2, max: 30 }) }).strict(),
    permission: { allow: ['admin'] },
    summary: '新建社区',
    create: true,
  }),
  updateCommunitySettings: action<CommunityView>()({
    input: z
      .object({
        communityId: id('社区'),
        // Checked field by field against each module's declared settings by the handler.
        settings: z.record(z.string(), z.record(z.string(), z.unknown(), { invalid_type_error: '设置格式不正确' }), {
          required_error: '缺少设置',
          invalid_type_error: '设置格式不正确',
        }),
      })
      .strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '修改社区设置',
  }),
  assignStaff: action<MemberView>()({
    input: z.object({ communityId: id('社区'), userId: id('用户') }).strict(),
    permission: { allow: ['admin'] },
    summary: '指派社区工作者',
  }),
  removeStaff: action<MemberView>()({
    input: z.object({ communityId: id('社区'), userId: id('用户') }).strict(),
    permission: { allow: ['admin'] },
    summary: '撤销社区工作者',
  }),
  exportMyData: action<MyData>()({
    input: z.object({}).strict(),
    permission: { allow: 'user' },
    summary: '导出我的全部数据',
  }),
  deleteMe: action<{ deleted: true }>()({
    input: z.object({ confirm: z.literal('删除', { errorMap: () => ({ message: '请输入“删除”以确认' }) }) }).strict(),
    permission: { allow: 'user' },
    summary: '注销账号并删除个人信息',
  }),
  inbox: action<Page<InboxItem> & { unread: number }>()({
    input: z.object({ ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我的消息',
  }),
  markInboxRead: action<{ updated: number }>()({
    input: z.object({ ids: z.array(id('消息')).min(1, '请选择消息').max(100, '一次最多100条') }).strict(),
    permission: { allow: 'user' },
    summary: '标记消息已读',
  }),
  auditTrail: action<Page<AuditEntryView>>()({
    input: z.object({ communityId: id('社区'), targetId: id('对象').optional(), ...pageInput }).strict(),
    // The street admin reads any chain, including the street's own (street-wide notices).
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '查看审计记录',
  }),
  verifyAuditChain: action<ChainCheck>()({
    input: z.object({ communityId: id('社区') }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '校验审计记录是否被篡改',
  }),
};
