import type { z } from 'zod';
import { userTextLabel } from '@shared/contract';

/** WeChat's msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type TextScene = 1 | 2 | 3 | 4;

/**
 * A checker's answer: `true` when the text may be published; `false` when refused with nothing to name; or the
 * word or phrase refused, so the person is told what to change.
 */
export type TextVerdict = boolean | { refused: string };

/** The content-safety port. */
export type TextChecker = (text: string, meta: { openid: string | null; scene: TextScene }) => Promise<TextVerdict>;

/**
 * Phrases refused locally; production asks WeChat instead. Each one offers or solicits something unlawful: a bare
 * topic word (诈骗, 毒品, 赌博) is not here, because residents ask for 防诈骗讲座, report 聚众赌博 and plan 禁毒宣传, and
 * a word list cannot tell those from abuse. It stands in for a real service, so it stays short.
 */
export const LOCAL_REFUSED_PHRASES = [
  '代开发票',
  '办理假证',
  '办假证',
  '网赌平台',
  '赌博网站',
  '博彩网站',
  '博彩平台',
  '出售枪支',
  '枪支出售',
  '出售毒品',
  '色情服务',
  '裸聊',
  '刷单返利',
  '信用卡套现',
];

/**
 * Words that mark a clause as warning against what it names, not offering it: "警惕刷单返利" is what an anti-fraud
 * talk says. A refused phrase in a clause with one of these passes.
 */
export const LOCAL_WARNING_WORDS = ['防', '反', '警惕', '谨防', '小心', '识别', '打击', '举报', '远离', '拒绝', '严禁', '禁止', '抵制', '杜绝', '骗局', '陷阱', '诈骗', '违法'];

/** Clause boundaries: a warning word counts only within the clause of the phrase. */
const CLAUSE_BREAK = /[，。！？；：,.!?;:\n\r]/;

/** The first refused phrase in `text`, outside any warning clause; null when there is none. */
export function refusedPhrase(
  text: string,
  phrases: readonly string[] = LOCAL_REFUSED_PHRASES,
  warnings: readonly string[] = LOCAL_WARNING_WORDS,
): string | null {
  for (const clause of text.split(CLAUSE_BREAK)) {
    const phrase = phrases.find((p) => clause.includes(p));
    if (phrase && !warnings.some((w) => clause.includes(w))) return phrase;
  }
  return null;
}

export function wordListChecker(phrases: readonly string[] = LOCAL_REFUSED_PHRASES): TextChecker {
  return async (text) => {
    const phrase = refusedPhrase(text, phrases);
    return phrase === null ? true : { refused: phrase };
  };
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
