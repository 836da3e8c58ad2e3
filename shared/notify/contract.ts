import { z } from 'zod';
import { action } from '../contract/action';
import { id, pageInput, type Page } from '../contract/fields';
import type { NotifyLink } from '../events';
import type { SendState } from './retry';

/** One event on the preferences page. */
export interface NotifyPreference {
  event: string;
  label: string;
  when: string;
  /** Whether it may come as a WeChat subscription message (the inbox always has it). */
  on: boolean;
  /** Acceptances left for its template: how many more messages WeChat will let through. */
  left: number;
}

/** A template the app may ask the person to accept: `wx.requestSubscribeMessage` takes the ids. */
export interface NotifyTemplate {
  key: string;
  templateId: string;
}

export interface SendView {
  userId: string;
  state: SendState;
  reason: string | null;
  tries: number;
  nextAt: number | null;
}

/** An outbox entry as staff read it on 通知发件箱. */
export interface OutboxView {
  id: string;
  event: string;
  label: string;
  title: string;
  /** What it is about; the page opens it. */
  link: NotifyLink | null;
  recipients: number;
  /** True once every recipient's inbox has it. */
  delivered: boolean;
  createdAt: number;
  sends: SendView[];
}

const eventType = z
  .string({ required_error: '缺少通知类型', invalid_type_error: '通知类型格式不正确' })
  .max(64, '通知类型格式不正确')
  .regex(/^[a-z]+\.[a-zA-Z]+$/, '通知类型格式不正确');

const templateId = z
  .string({ invalid_type_error: '模板编号格式不正确' })
  .min(1, '模板编号格式不正确')
  .max(128, '模板编号格式不正确')
  .regex(/^[A-Za-z0-9_-]+$/, '模板编号格式不正确');

export const notifyContract = {
  templates: action<NotifyTemplate[]>()({
    input: z.object({}).strict(),
    permission: { allow: 'user' },
    summary: '读取可订阅的消息模板',
  }),
  subscribed: action<NotifyPreference[]>()({
    input: z.object({ templateIds: z.array(templateId, { invalid_type_error: '模板编号格式不正确' }).max(3, '一次最多3个模板') }).strict(),
    permission: { allow: 'user' },
    summary: '记录用户同意接收的订阅消息',
  }),
  preferences: action<NotifyPreference[]>()({
    input: z.object({}).strict(),
    permission: { allow: 'user' },
    summary: '读取我的消息提醒设置',
  }),
  setPreference: action<NotifyPreference[]>()({
    input: z.object({ event: eventType, on: z.boolean({ required_error: '请选择开或关', invalid_type_error: '请选择开或关' }) }).strict(),
    permission: { allow: 'user' },
    summary: '设置某类通知是否用微信提醒',
  }),
  listOutbox: action<Page<OutboxView>>()({
    input: z.object({ communityId: id('社区'), ...pageInput }).strict(),
    permission: { allow: ['staff', 'admin'], community: 'input' },
    summary: '查看通知发件箱',
  }),
};
