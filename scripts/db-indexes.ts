/**
 * Prints the collections and indexes the cloud functions need, from `cloudfunctions/core/store/schema.ts`, in the
 * words and order of the CloudBase console's forms.
 *
 *   npm run db:indexes            a checklist for the console
 *   npm run db:indexes -- --json  the same plan as JSON, for scripts
 *
 * The CloudBase CLI's `tcb db` commands manage data models, not the indexes of document collections, so
 * collections and indexes are made in the console (数据库 → 集合 → 索引管理). The SQLite adapter applies the same
 * declarations by itself on open.
 */
import { collections as allCollections, indexName, type IndexSpec } from '../cloudfunctions/core/store/schema';

export interface IndexPlan {
  collection: string;
  indexes: { name: string; unique: boolean; fields: { field: string; order: 'asc' | 'desc' }[] }[];
}

export function indexPlan(collections: Record<string, IndexSpec[]> = allCollections()): IndexPlan[] {
  return Object.entries(collections).map(([collection, specs]) => ({
    collection,
    indexes: specs.map((spec) => ({
      name: indexName(collection, spec),
      unique: spec.unique ?? false,
      fields: spec.fields.map(([field, order]) => ({ field, order })),
    })),
  }));
}

const ORDER_LABEL = { asc: '升序', desc: '降序' } as const;

export function consoleChecklist(plan: IndexPlan[]): string {
  const lines = [
    '共治 数据库集合与索引（来源：cloudfunctions/core/store/schema.ts 与各模块的 module.ts）',
    '',
    '在云开发控制台 → 数据库：',
    '  1. 新建下列集合（集合名区分大小写）。',
    '  2. 每个集合的「权限设置」选「仅管理端可读写」：所有读写都经云函数，小程序端不直接访问数据库。',
    '  3. 在集合的「索引管理」→「添加索引」中按下表填写：索引名称、唯一性、字段与排序。',
    '     字段名中的点表示嵌套字段（如 residency.communityId），照原样填写。',
    '  _id 自带唯一索引，无需添加。',
    '',
  ];
  for (const { collection, indexes } of plan) {
    lines.push(`集合 ${collection}${indexes.length ? '' : '（无需额外索引）'}`);
    for (const index of indexes) {
      const fields = index.fields.map((f) => `${f.field} ${ORDER_LABEL[f.order]}`).join('，');
      lines.push(`  - ${index.name}`);
      lines.push(`      ${index.unique ? '唯一' : '非唯一'}；字段：${fields}`);
    }
    lines.push('');
  }
  const total = plan.reduce((n, c) => n + c.indexes.length, 0);
  lines.push(`共 ${plan.length} 个集合，${total} 个索引。`);
  return lines.join('\n');
}

if (require.main === module) {
  const plan = indexPlan();
  console.log(process.argv.includes('--json') ? JSON.stringify(plan, null, 2) : consoleChecklist(plan));
}
