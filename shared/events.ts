/**
 * What a module declares about the notifications it sends (its manifest's `events`): for each kind, the words on
 * the preferences page, the inbox message, the page it leads to, and the WeChat subscription template it goes out
 * as. The notification module reads every module's declarations and delivers; the module only says what happened.
 */

/** Where an inbox message leads: a module's page for one document. */
export interface NotifyLink {
  module: string;
  id: string;
}

/** Every event's data names the community it happened in, so staff read their own community's outbox. */
export interface EventData {
  communityId: string | null;
}

/** A subscription field's value before it is cut to WeChat's rules: text, a number, or a timestamp for `date`/`time`. */
export type FieldValue = string | number;

export interface EventSpec<D extends EventData = EventData> {
  /** `<module>.<what>`: unique, and kept in stored outbox entries and preferences, so never renamed. */
  type: string;
  /** For the preferences page: what this is, in a few words. */
  label: string;
  /** For the preferences page: when it comes. */
  when: string;
  title(data: D): string;
  body(data: D): string;
  link(data: D): NotifyLink | null;
  template: {
    /** Names the template in each environment's configuration (`WX_TEMPLATE_<KEY>`); events may share one. */
    key: string;
    /** The mini-program page the message opens, without a leading slash. */
    page(data: D): string;
    /** Keyed as in the template chosen in the WeChat console (`thing1`, `time2`…); the key's kind decides the cut. */
    fields(data: D): Record<string, FieldValue>;
  };
}

/** One occurrence of an event: what `notify` is handed. */
export interface NotifyEvent<D extends EventData = EventData> {
  type: string;
  data: D;
}

export interface DeclaredEvent<D extends EventData> extends EventSpec<D> {
  /** This event, happening, with its data. */
  with(data: D): NotifyEvent<D>;
}

export function defineEvent<D extends EventData>(spec: EventSpec<D>): DeclaredEvent<D> {
  return { ...spec, with: (data) => ({ type: spec.type, data }) };
}
