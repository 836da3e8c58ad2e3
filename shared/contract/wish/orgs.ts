import { z } from 'zod';
import { action } from '../action';
import { id, pageInput, text, type Page } from '../fields';
import { phone } from './common';

/** A 爱心单位: an organisation's account, which staff grant the `org` role in one community so it may claim wishes. */
export interface OrgView {
  userId: string;
  communityId: string;
  orgName: string;
  contactPhone: string | null;
  status: 'pending' | 'granted' | 'revoked';
  appliedAt: number;
  reviewedAt: number | null;
}

export const orgActions = {
  applyOrg: action<OrgView>()({
    input: z.object({ communityId: id('社区'), orgName: text('单位名称', { min: 2, max: 30 }), contactPhone: phone('联系电话') }).strict(),
    permission: { allow: 'user' },
    summary: '申请成为本社区的爱心单位',
    create: true,
  }),
  myOrg: action<OrgView[]>()({
    input: z.object({}).strict(),
    permission: { allow: 'user' },
    summary: '我的爱心单位申请',
  }),
  listOrgs: action<Page<OrgView>>()({
    input: z.object({ communityId: id('社区'), ...pageInput }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '爱心单位及申请',
  }),
  grantOrg: action<OrgView>()({
    input: z.object({ communityId: id('社区'), userId: id('账号') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '认定爱心单位（可认领心愿）',
  }),
  revokeOrg: action<OrgView>()({
    input: z.object({ communityId: id('社区'), userId: id('账号') }).strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '撤销爱心单位',
  }),
};
