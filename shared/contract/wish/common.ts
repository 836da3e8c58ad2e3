import { z } from 'zod';
import { PHONE_PATTERN } from '../../wish/rules';

export const wishTarget = { collection: 'wishes', idField: 'id' } as const;

/** A phone number the claimant and staff may call; nobody else ever sees it. */
export function phone(label = '联系电话'): z.ZodString {
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .min(1, `请填写${label}`)
    .regex(PHONE_PATTERN, `${label}格式不正确，请填写手机号或带区号的座机`);
}

/** A sum in whole yuan. */
export function yuan(label: string): z.ZodNumber {
  return z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负`)
    .max(100_000, `${label}太大`);
}

/** A category from the community's list (checked by the handler against its settings). */
export const category = z.string({ required_error: '请选择分类', invalid_type_error: '分类格式不正确' }).trim().min(1, '请选择分类').max(8, '请选择有效的分类');
