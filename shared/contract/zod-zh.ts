import { z } from 'zod';

/** Chinese fallback messages for anything a schema did not word itself. */
export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  // Given to safeParse, this map has the last word over a schema's own `required_error`/`invalid_type_error`
  // or a choice's errorMap; keep the wording the schema chose, which names the field.
  if (/[\u4e00-\u9fa5]/.test(ctx.defaultError)) return { message: ctx.defaultError };
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '此项必填' : '格式不正确' };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `不认识的字段：${issue.keys.join('、')}` };
    case z.ZodIssueCode.too_small:
      return { message: issue.type === 'array' ? `至少选择${issue.minimum}项` : '内容太短' };
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'array' ? `最多${issue.maximum}项` : '内容太长' };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: '请选择有效的选项' };
    default:
      return { message: '格式不正确' };
  }
};

/** Turns zod issues into `{ 'a.b': '中文' }`, the first message per field; the root is `_`. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** Validates with Chinese messages; used by the router and by client forms alike. */
export function parseInput<S extends z.ZodTypeAny>(
  schema: S,
  data: unknown,
): { ok: true; value: z.output<S> } | { ok: false; fields: Record<string, string> } {
  const result = schema.safeParse(data, { errorMap: zhErrorMap });
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: fieldMessages(result.error) };
}
