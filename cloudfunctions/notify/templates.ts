import { templateEnvName, templateKeys } from '@shared/notify/registry';

/** Template key → WeChat template id, as configured for this environment. */
export type TemplateIds = Record<string, string>;

/** Read from `WX_TEMPLATE_<KEY>`; a key with no id set sends nothing (the inbox still has every message). */
export function configuredTemplates(env: Record<string, string | undefined> = process.env): TemplateIds {
  const ids: TemplateIds = {};
  for (const key of templateKeys()) {
    const id = env[templateEnvName(key)]?.trim();
    if (id) ids[key] = id;
  }
  return ids;
}
