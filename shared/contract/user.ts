import { z } from 'zod';
import type { AuditFields } from '../audit/chain';
import { action, type Role } from './action';
import { choice, fileId, id, pageInput, text, type Page } from './fields';

export type ResidencyStatus = 'pending' | 'approved' | 'rejected';

export interface Residency {
  communityId: string;
  communityName: string;
  building: string;
  unit: string;
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
}

export interface MemberView {
  userId: string;
  nickname: string;
  building: string;
  unit: string;
  roles: Extract<Role, 'host' | 'staff' | 'org'>[];
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
    input: z.object({ communityId: id('社区'), building, unit }).strict(),
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
  listMembers: action<Page<MemberView>>()({
    input: z.object({ communityId: id('社区'), ...pageInput }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '查看本社区已认证居民',
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
