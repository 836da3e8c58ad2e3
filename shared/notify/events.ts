import type { FieldValue } from './fields';

/** Where an inbox message leads: a module's page for one document. */
export interface NotifyLink {
  module: string;
  id: string;
}

/** Every event's data names the community it happened in, so staff can read their own community's outbox. */
export interface EventData {
  communityId: string | null;
}

/**
 * One kind of thing that reaches people, declared by the module it belongs to: the inbox text, the page it is
 * about, and the WeChat subscription template it goes out as. `template.key` names the template in configuration
 * (`WX_TEMPLATE_<KEY>`); `fields` are keyed as in the template chosen in the WeChat console (`thing1`, `time2`…).
 */
export interface EventSpec<D extends EventData = EventData> {
  name: string;
  /** For the preferences page: what this is, in a few words. */
  label: string;
  /** For the preferences page: when it comes. */
  when: string;
  title(data: D): string;
  body(data: D): string;
  link(data: D): NotifyLink | null;
  template: {
    key: string;
    /** The mini-program page the message opens, without a leading slash. */
    page(data: D): string;
    fields(data: D): Record<string, FieldValue>;
  };
}

export function defineEvent<D extends EventData>(spec: EventSpec<D>): EventSpec<D> {
  return spec;
}

/** The environment variable holding an event template's id. */
export function templateEnvName(key: string): string {
  return `WX_TEMPLATE_${key}`;
}
