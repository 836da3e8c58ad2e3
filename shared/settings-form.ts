/**
 * The community settings page, described from the modules' manifests: every module's settings with their
 * Chinese words, and what kind of input each needs, read from its zod schema. The page names no module, so a
 * module that adds a setting (with its label) shows up there untouched.
 */
import { z } from 'zod';
import type { ModuleSettings } from './module';
import { MODULE_SETTINGS } from './modules';

interface Base {
  /** The module's settings group. */
  module: string;
  key: string;
  /** The form field's name, as the server's field messages key it: settings.<module>.<key>. */
  name: string;
  label: string;
  hint: string | null;
}

export type SettingField =
  | (Base & { kind: 'number'; min: number | null; max: number | null; integer: boolean; unit: string | null })
  | (Base & { kind: 'yesNo'; options: { value: 'true' | 'false'; label: string }[] })
  | (Base & { kind: 'choice'; options: { value: string; label: string }[] })
  | (Base & { kind: 'text'; max: number | null })
  /** A list of short words (categories), typed on one line and separated by 、 or commas. */
  | (Base & { kind: 'list' });

export interface SettingGroup {
  module: string;
  title: string;
  fields: SettingField[];
}

/** Wrappers that do not change what kind of value a setting holds. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodDefault) return unwrap(schema.removeDefault());
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  return schema;
}

function field(module: string, key: string, schema: z.ZodTypeAny, declared: ModuleSettings): SettingField {
  const words = declared.labels?.[key];
  const base: Base = { module, key, name: `settings.${module}.${key}`, label: words?.label ?? key, hint: words?.hint ?? null };
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) {
    return { ...base, kind: 'number', min: inner.minValue, max: inner.maxValue, integer: inner.isInt, unit: words?.unit ?? null };
  }
  if (inner instanceof z.ZodBoolean) {
    return {
      ...base,
      kind: 'yesNo',
      options: [
        { value: 'true', label: words?.options?.true ?? '是' },
        { value: 'false', label: words?.options?.false ?? '否' },
      ],
    };
  }
  if (inner instanceof z.ZodEnum) {
    return { ...base, kind: 'choice', options: (inner.options as string[]).map((value) => ({ value, label: words?.options?.[value] ?? value })) };
  }
  if (inner instanceof z.ZodArray) return { ...base, kind: 'list' };
  return { ...base, kind: 'text', max: inner instanceof z.ZodString ? inner.maxLength : null };
}

const LIST_SEPARATOR = /[、,，;；\s]+/;

/** Every module's settings, in module order, each field in the order its schema declares it. */
export function settingGroups(source: Readonly<Record<string, ModuleSettings>> = MODULE_SETTINGS): SettingGroup[] {
  return Object.entries(source).map(([module, declared]) => ({
    module,
    title: declared.title ?? module,
    fields: Object.entries(declared.schema.shape as Record<string, z.ZodTypeAny>).map(([key, schema]) => field(module, key, schema, declared)),
  }));
}

/** A form value back to the setting's type: numbers typed as text, yes/no chosen as 'true'/'false'. */
export function settingValue(f: SettingField, typed: string): unknown {
  if (f.kind === 'number') return typed.trim() === '' ? Number.NaN : Number(typed.trim());
  if (f.kind === 'yesNo') return typed === 'true';
  if (f.kind === 'list') return typed.split(LIST_SEPARATOR).filter(Boolean);
  return typed;
}

/** A setting's current value as the form shows it. */
export function settingText(f: SettingField, value: unknown): string {
  if (f.kind === 'yesNo') return value ? 'true' : 'false';
  if (f.kind === 'list') return Array.isArray(value) ? value.join('、') : '';
  return value === undefined || value === null ? '' : String(value);
}
