import { z } from 'zod';

/**
 * Schemas registered here hold text a person wrote. The router walks an action's input schema and sends
 * every such field through the content check, so no action can forget one.
 */
const userTextLabels = new WeakMap<z.ZodTypeAny, string>();

/** The Chinese label of a user-text schema, or undefined for any other schema. */
export function userTextLabel(schema: z.ZodTypeAny): string | undefined {
  return userTextLabels.get(schema);
}

/** User-written text with Chinese messages naming the field. */
export function text(label: string, opts: { min?: number; max: number }): z.ZodString {
  const min = opts.min ?? 1;
  let schema = z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .max(opts.max, `${label}不能超过${opts.max}个字`);
  // Empty gets "请填写…" first, whatever the minimum, so the message fits what the person did.
  if (min > 0) schema = schema.min(1, `请填写${label}`);
  if (min > 1) schema = schema.min(min, `${label}至少${min}个字`);
  userTextLabels.set(schema, label);
  return schema;
}

/** A document id chosen by the server. */
export function id(label = '编号'): z.ZodString {
  return z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}格式不正确` })
    .min(1, `缺少${label}`)
    .max(64, `${label}格式不正确`)
    .regex(/^[A-Za-z0-9_:-]+$/, `${label}格式不正确`);
}

/**
 * The client's name for one form submission, sent again when it retries. Random, so only its shape is checked:
 * it becomes part of a document id.
 */
export function requestKey(): z.ZodString {
  return z
    .string({ invalid_type_error: '提交编号格式不正确' })
    .min(8, '提交编号格式不正确')
    .max(64, '提交编号格式不正确')
    .regex(/^[A-Za-z0-9_-]+$/, '提交编号格式不正确');
}

/** An epoch-millisecond timestamp. */
export function timestamp(label: string): z.ZodNumber {
  return z
    .number({ required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` })
    .int(`${label}格式不正确`)
    .min(0, `${label}格式不正确`)
    .max(8.64e15, `${label}格式不正确`);
}

/** A file id in cloud storage (CloudBase `cloud://…`, or the local cloud's `local://…`). */
export function fileId(label = '文件'): z.ZodString {
  return z
    .string({ invalid_type_error: `${label}格式不正确` })
    .max(512, `${label}格式不正确`)
    .regex(/^(cloud|local):\/\/[^\s]+$/, `${label}格式不正确`);
}

export function fileIds(label: string, max: number) {
  return z.array(fileId(label), { invalid_type_error: `${label}格式不正确` }).max(max, `${label}最多${max}个`);
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, {
    errorMap: (issue) => ({
      message: issue.code === 'invalid_type' && issue.received === 'undefined' ? `请选择${label}` : `请选择有效的${label}`,
    }),
  });
}

export const pageInput = {
  cursor: z.string({ invalid_type_error: '分页参数格式不正确' }).max(64, '分页参数格式不正确').optional(),
  limit: z
    .number({ invalid_type_error: '分页参数格式不正确' })
    .int('分页参数格式不正确')
    .min(1, '分页参数格式不正确')
    .max(100, '每页最多100条')
    .optional(),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
