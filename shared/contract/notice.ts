import { z } from 'zod';
import { action } from './action';
import { choice, fileIds, id, pageInput, text, timestamp, type Page } from './fields';

/** One of the categories the modules declare (`NOTICE_CATEGORIES` in shared/modules.ts); the notice handlers check which. */
export type NoticeCategory = string;

const category = z.string({ required_error: '请选择分类', invalid_type_error: '分类格式不正确' }).min(1, '请选择分类').max(10, '分类格式不正确');
/**
 * What a workflow's notice is about (a consultation, for its 协商公告 and 结果公示), and the words of the button on
 * the notice that leads there (报名参加, 查看结果). Staff notices have none.
 */
export interface NoticeSource {
  module: string;
  id: string;
  /** The button's words; notices published before it existed read 查看详情. */
  label?: string;
}

export type NoticeStatus = 'draft' | 'scheduled' | 'published' | 'expired' | 'unpublished';
export type NoticeScope = 'community' | 'street';

export interface NoticeSummary {
  id: string;
  title: string;
  category: NoticeCategory;
  scope: NoticeScope;
  communityId: string | null;
  communityName: string;
  pinned: boolean;
  publishAt: number | null;
  coverFileId: string | null;
  excerpt: string;
}

export interface NoticeView extends NoticeSummary {
  body: string;
  images: string[];
  attachments: string[];
  status: NoticeStatus;
  expireAt: number | null;
  readCount: number;
  createdAt: number;
  updatedAt: number;
  source: NoticeSource | null;
}

const editable = {
  category,
  title: text('标题', { min: 2, max: 60 }),
  body: text('正文', { max: 5000 }),
  images: fileIds('图片', 9),
  attachments: fileIds('附件', 5),
  expireAt: timestamp('截止时间').nullable(),
};

export const noticeContract = {
  list: action<Page<NoticeSummary>>()({
    input: z.object({ communityId: id('社区').optional(), category: category.optional(), ...pageInput }).strict(),
    permission: { allow: 'anyone' },
    summary: '公告列表（置顶在前，最新在前）',
  }),
  get: action<NoticeView>()({
    input: z.object({ id: id('公告') }).strict(),
    permission: { allow: 'anyone' },
    summary: '阅读公告（同一读者只计一次）',
  }),
  create: action<NoticeView>()({
    input: z
      .object({
        communityId: id('社区'),
        scope: choice('范围', ['community', 'street']).default('community'),
        ...editable,
        images: editable.images.default([]),
        attachments: editable.attachments.default([]),
        expireAt: editable.expireAt.optional(),
        pinned: z.boolean({ invalid_type_error: '置顶格式不正确' }).default(false),
      })
      .strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '新建公告草稿',
    create: true,
  }),
  update: action<NoticeView>()({
    input: z
      .object({
        id: id('公告'),
        category: editable.category.optional(),
        title: editable.title.optional(),
        body: editable.body.optional(),
        images: editable.images.optional(),
        attachments: editable.attachments.optional(),
        expireAt: editable.expireAt.optional(),
      })
      .strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: { collection: 'notices', idField: 'id' } },
    summary: '修改公告',
  }),
  publish: action<NoticeView>()({
    input: z.object({ id: id('公告'), publishAt: timestamp('发布时间').optional() }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: { collection: 'notices', idField: 'id' } },
    summary: '立即或定时发布公告',
  }),
  unpublish: action<NoticeView>()({
    input: z.object({ id: id('公告') }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: { collection: 'notices', idField: 'id' } },
    summary: '撤回公告',
  }),
  pin: action<NoticeView>()({
    input: z.object({ id: id('公告'), pinned: z.boolean({ required_error: '请选择是否置顶' }) }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: { collection: 'notices', idField: 'id' } },
    summary: '置顶或取消置顶',
  }),
  getManaged: action<NoticeView>()({
    input: z.object({ id: id('公告') }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'target', target: { collection: 'notices', idField: 'id' } },
    summary: '管理端读取一条公告（含草稿，不计阅读）',
  }),
  listManaged: action<Page<NoticeView>>()({
    input: z.object({ communityId: id('社区'), scope: choice('范围', ['community', 'street']).default('community'), ...pageInput }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '管理端公告列表（含草稿与阅读人数）',
  }),
};
