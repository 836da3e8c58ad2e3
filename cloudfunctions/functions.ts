import type { CloudFunction } from './core/router';
import { noticeFunction } from './notice/function';
import { userFunction } from './user/function';

/** Every cloud function by name: the local cloud serves these, and the build bundles one entry each. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  user: userFunction,
  notice: noticeFunction,
};
