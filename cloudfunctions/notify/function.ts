import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { listOutbox } from './outbox';
import { getPreferences, setPreference, subscribed, templates } from './settings';

export const notifyFunction = defineFunction('notify', contract.notify, {
  templates,
  subscribed,
  preferences: getPreferences,
  setPreference,
  listOutbox,
});
