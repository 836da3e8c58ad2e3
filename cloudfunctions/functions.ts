import type { CloudFunction } from './core/router';
import { consultationFunction } from './consultation/function';
import { noticeFunction } from './notice/function';
import { notifyFunction } from './notify/function';
import { userFunction } from './user/function';

/** Every cloud function by name: the local cloud serves these, and the build bundles one entry each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  user: userFunction,
  notice: noticeFunction,
  consultation: consultationFunction,
  notify: notifyFunction,
};
