import type { z } from 'zod';
import { userTextLabel } from '@shared/contract';

/** WeChat's msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type TextScene = 1 | 2 | 3 | 4;

/** The content-safety port: true when the text may be published. */
export type TextChecker = (text: string, meta: { openid: string | null; scene: TextScene }) => Promise<boolean>;

/** Words refused locally; production asks WeChat instead. Kept short: it stands in for a real service. */
export const LOCAL_BANNED_WORDS = ['赌博', '博彩', '色情', '毒品', '枪支', '代开发票', '诈骗'];

export function wordListChecker(words: readonly string[] = LOCAL_BANNED_WORDS): TextChecker {
  return async (text) => !words.some((w) => text.includes(w));
}

/** Every user-written string in a parsed input, with its field path, found by walking the schema. */
export function userTextFields(
  schema: z.ZodTypeAny,
  value: unknown,
  path: string[] = [],
): { path: string; label: string; text: string }[] {
  if (value === undefined || value === null) return [];
  const label = userTextLabel(schema);
  if (label) return typeof value === 'string' && value.length ? [{ path: path.join('.'), label, text: value }] : [];
  const def = schema._def as Record<string, unknown> & { typeName?: string };
  switch (def.typeName) {
    case 'ZodObject': {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      return Object.entries(shape).flatMap(([key, s]) => userTextFields(s, (value as Record<string, unknown>)[key], [...path, key]));
    }
    case 'ZodArray':
      return Array.isArray(value) ? value.flatMap((v, i) => userTextFields(def.type as z.ZodTypeAny, v, [...path, String(i)])) : [];
    case 'ZodOptional':
    case 'ZodNullable':
    case 'ZodDefault':
      return userTextFields(def.innerType as z.ZodTypeAny, value, path);
    case 'ZodEffects':
      return userTextFields(def.schema as z.ZodTypeAny, value, path);
    case 'ZodDiscriminatedUnion':
    case 'ZodUnion': {
      const options = [...((def.options as Iterable<z.ZodTypeAny>) ?? [])];
      const match = options.find((s) => s.safeParse(value).success);
      return match ? userTextFields(match, value, path) : [];
    }
    default:
      return [];
  }
}
