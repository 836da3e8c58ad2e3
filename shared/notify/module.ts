import { defineModule } from '../module';
import { notifyContract } from './contract';

/**
 * Notifications: delivers what other modules declare in their manifests' `events` (to the inbox, and as WeChat
 * subscription messages), and keeps each person's preferences. It sends no events of its own.
 */
export const notifyModule = defineModule({
  name: 'notify',
  contract: notifyContract,
});
