import { z } from 'zod';
import { action } from '../action';
import { choice, fileIds, id, pageInput, text, type Page } from '../fields';

// The opinion pool: residents drop opinions into their community's pool at any time and 附议 others'; hosts and
// staff reply, tag, merge duplicates, and bring opinions into a consultation (consultations.ts, step 1).

export const OPINION_CATEGORIES = ['环境卫生', '停车交通', '设施维修', '物业管理', '邻里关系', '文体活动', '养老托幼', '其他'] as const;

export type OpinionCategory = (typeof OPINION_CATEGORIES)[number];

export interface OpinionView {
  id: string;
  communityId: string;
  consultationId: string | null;
  title: string;
  description: string;
  category: OpinionCategory;
  photos: string[];
  authorName: string;
  supportCount: number;
  commentCount: number;
  tags: string[];
  mergedInto: string | null;
  createdAt: number;
  /** Whether the caller has 附议'd it. */
  supportedByMe: boolean;
  mine: boolean;
}

export interface CommentView {
  id: string;
  authorName: string;
  /** 居民 / 主持人 / 社区工作者: a reply from a host or staff member is marked. */
  authorRole: string;
  body: string;
  createdAt: number;
}

const opinionTarget = { collection: 'opinions', idField: 'id' } as const;

/** The opinion pool's actions. */
export const opinionActions = {
  submitOpinion: action<OpinionView>()({
    input: z
      .object({
        communityId: id('社区'),
        consultationId: id('议事').optional(),
        title: text('标题', { min: 2, max: 40 }),
        description: text('内容', { max: 1000 }),
        category: choice('分类', OPINION_CATEGORIES),
        photos: fileIds('照片', 6).default([]),
      })
      .strict(),
    permission: { allow: ['resident'], community: 'input' },
    summary: '提交意见或议题建议',
    create: true,
  }),
  listOpinions: action<Page<OpinionView>>()({
    input: z
      .object({
        communityId: id('社区'),
        consultationId: id('议事').optional(),
        /** Only opinions not yet taken into any consultation: what a host can still link. */
        unlinked: z.boolean({ invalid_type_error: '筛选条件格式不正确' }).optional(),
        sort: choice('排序', ['newest', 'support']).default('newest'),
        ...pageInput,
      })
      .strict(),
    permission: { allow: 'anyone' },
    summary: '意见列表（最新或附议最多）',
  }),
  getOpinion: action<{ opinion: OpinionView; comments: CommentView[] }>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: 'anyone' },
    summary: '意见详情与评论',
  }),
  support: action<OpinionView>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: ['resident'], community: 'target', target: opinionTarget },
    summary: '附议',
  }),
  withdrawSupport: action<OpinionView>()({
    input: z.object({ id: id('意见') }).strict(),
    permission: { allow: ['resident'], community: 'target', target: opinionTarget },
    summary: '撤回附议',
  }),
  comment: action<CommentView>()({
    input: z.object({ id: id('意见'), body: text('评论', { max: 300 }) }).strict(),
    permission: { allow: ['resident', 'host', 'staff'], community: 'target', target: opinionTarget },
    summary: '评论或回复意见',
    create: true,
  }),
  tagOpinion: action<OpinionView>()({
    input: z.object({ id: id('意见'), tags: z.array(text('标签', { max: 10 })).max(5, '标签最多5个') }).strict(),
    permission: { allow: ['host', 'staff'], community: 'target', target: opinionTarget },
    summary: '给意见打标签',
  }),
  mergeOpinions: action<OpinionView>()({
    input: z.object({ id: id('意见'), duplicateIds: z.array(id('重复意见')).min(1, '请选择要合并的意见').max(20, '一次最多合并20条') }).strict(),
    permission: { allow: ['host', 'staff'], community: 'target', target: opinionTarget },
    summary: '合并重复意见（附议人保留）',
  }),

};
