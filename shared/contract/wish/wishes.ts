import { z } from 'zod';
import type { WishStatus } from '../../wish/rules';
import { action } from '../action';
import { fileIds, id, pageInput, text, timestamp, type Page } from '../fields';
import { category, phone, wishTarget, yuan } from './common';

/** What the public wall shows of a wish: never a full name, never a phone or a door number. */
export interface WishCard {
  id: string;
  communityId: string;
  communityName: string;
  /** 张** or 王阿姨 (`maskName`). */
  maskedName: string;
  building: string;
  category: string;
  title: string;
  description: string;
  estimatedValue: number;
  /** The end of the deadline's Shanghai day: unclaimed by then, the wish expires. */
  deadline: number;
  status: WishStatus;
  /** Made by staff for a resident without a phone (代办). */
  proxy: boolean;
  publishedAt: number | null;
  createdAt: number;
}

/** Who to call and where to go: for the wisher themself, the claimant of the moment, and the community's staff. */
export interface WishContact {
  name: string;
  phone: string;
  address: string;
}

export interface WishClaimView {
  claimantName: string;
  /** 居民 or 爱心单位. */
  claimantKind: 'resident' | 'org';
  promisedDate: number;
  claimedAt: number;
  overdue: boolean;
}

export interface WishView extends WishCard {
  contact: WishContact | null;
  claim: WishClaimView | null;
  fulfilment: { note: string; photos: string[]; at: number } | null;
  confirmation: { by: 'wisher' | 'staff' | 'phone'; thanks: string; note: string | null; at: number } | null;
  /** Shown to the wisher and staff only. */
  rejectReason: string | null;
  mine: boolean;
  claimedByMe: boolean;
  /** What the caller may do now; the server checks again. */
  can: {
    withdraw: boolean;
    claim: boolean;
    release: boolean;
    fulfil: boolean;
    confirm: boolean;
    confirmByPhone: boolean;
    review: boolean;
  };
}

export interface WishTimelineEntry {
  id: string;
  at: number;
  actorRole: string;
  action: string;
  label: string;
  from: WishStatus | null;
  to: WishStatus | null;
  note: string | null;
}

const wishFields = {
  title: text('心愿', { min: 2, max: 30 }),
  description: text('心愿说明', { min: 0, max: 300 }).default(''),
  category,
  estimatedValue: yuan('估计价值'),
  deadline: timestamp('截止日期'),
};

export const wishActions = {
  wall: action<Page<WishCard>>()({
    input: z
      .object({ communityId: id('社区'), category: category.optional(), onlyClaimable: z.boolean({ invalid_type_error: '筛选格式不正确' }).optional(), ...pageInput })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '心愿墙：可认领和进行中的心愿（隐去姓名与联系方式）',
  }),
  get: action<WishView>()({
    input: z.object({ id: id('心愿') }).strict(),
    permission: { allow: 'anyone' },
    summary: '查看心愿（认领人、本人和社区工作者可见联系方式）',
  }),
  timeline: action<WishTimelineEntry[]>()({
    input: z.object({ id: id('心愿') }).strict(),
    permission: { allow: 'anyone' },
    summary: '心愿的经过（来自审计记录）',
  }),
  submit: action<WishView>()({
    input: z.object({ communityId: id('社区'), name: text('称呼', { max: 10 }), phone: phone(), ...wishFields, photos: fileIds('照片', 3).default([]) }).strict(),
    permission: { allow: ['resident'], community: 'input' },
    summary: '许下心愿（待社区审核）',
    create: true,
  }),
  proxySubmit: action<WishView>()({
    input: z
      .object({
        communityId: id('社区'),
        name: text('居民姓名', { max: 10 }),
        building: text('楼栋', { max: 20 }),
        address: text('详细地址', { max: 40 }),
        phone: phone(),
        ...wishFields,
      })
      .strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '代办：为不会用手机的居民登记心愿（直接发布）',
    create: true,
  }),
  withdraw: action<WishView>()({
    input: z.object({ id: id('心愿') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: wishTarget, owner: 'wisherId' },
    summary: '撤回心愿（认领前）',
  }),
  review: action<WishView>()({
    input: z
      .object({ id: id('心愿'), approve: z.boolean({ required_error: '请选择通过或不通过' }), reason: text('理由', { min: 0, max: 200 }).optional() })
      .strict()
      .refine((v) => v.approve || (v.reason ?? '').length > 0, { message: '不通过时请填写理由', path: ['reason'] }),
    permission: { allow: ['staff'], community: 'target', target: wishTarget },
    summary: '审核心愿：通过后上心愿墙，或写明理由不予通过',
  }),
  claim: action<WishView>()({
    input: z.object({ id: id('心愿'), promisedDate: timestamp('承诺日期') }).strict(),
    permission: { allow: ['resident', 'org'], community: 'target', target: wishTarget },
    summary: '认领心愿并承诺完成日期（同时只有一人认领成功）',
  }),
  release: action<WishView>()({
    input: z.object({ id: id('心愿'), reason: text('原因', { min: 0, max: 100 }).optional() }).strict(),
    permission: { allow: ['staff'], community: 'target', target: wishTarget, owner: 'claimantId' },
    summary: '放弃认领，心愿重新开放',
  }),
  fulfil: action<WishView>()({
    input: z.object({ id: id('心愿'), note: text('完成情况', { max: 200 }), photos: fileIds('照片', 6).default([]) }).strict(),
    permission: { allow: ['resident', 'org'], community: 'target', target: wishTarget },
    summary: '认领人报告心愿已实现（可附照片）',
  }),
  confirm: action<WishView>()({
    input: z.object({ id: id('心愿'), thanks: text('感谢的话', { min: 0, max: 100 }).default('') }).strict(),
    permission: { allow: ['staff'], community: 'target', target: wishTarget, owner: 'wisherId' },
    summary: '确认心愿已完成并致谢（认领人获得爱心积分）',
  }),
  confirmByPhone: action<WishView>()({
    input: z.object({ id: id('心愿'), note: text('电话确认情况', { min: 2, max: 200 }) }).strict(),
    permission: { allow: ['staff'], community: 'target', target: wishTarget },
    summary: '代办：电话回访后确认完成',
  }),
  mine: action<Page<WishView>>()({
    input: z.object({ ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我的心愿',
  }),
  myClaims: action<Page<WishView>>()({
    input: z.object({ ...pageInput }).strict(),
    permission: { allow: 'user' },
    summary: '我认领的心愿',
  }),
  manage: action<Page<WishView>>()({
    input: z
      .object({
        communityId: id('社区'),
        status: z.enum(['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'withdrawn', 'expired'], { errorMap: () => ({ message: '请选择有效的状态' }) }).optional(),
        ...pageInput,
      })
      .strict(),
    permission: { allow: ['staff'], community: 'input' },
    summary: '社区工作者查看全部心愿（按状态，逾期的认领标出）',
  }),
};
