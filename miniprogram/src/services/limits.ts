import type { z } from 'zod'
import { contract, type ActionSpec, type Contract } from '@shared/contract'

/**
 * The longest text a field may hold, read from the action's own zod schema: the limit a form shows (12/40) is the
 * one the server enforces, written once in the contract. `path` walks objects and arrays: `'plan.agenda'` is the
 * limit of one agenda item.
 */
export function maxLengthOf<F extends keyof Contract>(fn: F, action: keyof Contract[F] & string, path: string): number {
  const spec = (contract[fn] as unknown as Record<string, ActionSpec>)[action]
  let schema: z.ZodTypeAny | undefined = spec?.input as z.ZodTypeAny | undefined
  for (const key of path.split('.')) {
    const object = unwrap(schema)
    const shape = object && (object._def as { typeName?: string }).typeName === 'ZodObject' ? (object as z.AnyZodObject).shape : undefined
    schema = shape?.[key] as z.ZodTypeAny | undefined
  }
  const max = maxOf(unwrap(schema))
  if (max === undefined) throw new Error(`${String(fn)}.${action} 的 ${path} 没有长度上限`)
  return max
}

/** Through optional, default, effects (refine, transform) and arrays to the schema of one value. */
function unwrap(schema: z.ZodTypeAny | undefined): z.ZodTypeAny | undefined {
  let s = schema
  for (let i = 0; s && i < 10; i++) {
    const def = s._def as { typeName?: string; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny; type?: z.ZodTypeAny }
    if (def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable' || def.typeName === 'ZodDefault') s = def.innerType
    else if (def.typeName === 'ZodEffects') s = def.schema
    else if (def.typeName === 'ZodArray') s = def.type
    else return s
  }
  return s
}

function maxOf(schema: z.ZodTypeAny | undefined): number | undefined {
  if (!schema || (schema._def as { typeName?: string }).typeName !== 'ZodString') return undefined
  const checks = (schema._def as { checks: { kind: string; value?: number }[] }).checks
  const maxes = checks.filter((c) => c.kind === 'max').map((c) => c.value as number)
  return maxes.length ? Math.min(...maxes) : undefined
}
