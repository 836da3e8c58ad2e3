import type { ModuleContract } from './action';
import { consultationContract } from './consultation';
import { noticeContract } from './notice';
import { notifyContract } from '../notify/contract';
import { userContract } from './user';

/** Every cloud function and its actions. The client and the router are both built from this. */
export const contract = {
  user: userContract,
  notice: noticeContract,
  consultation: consultationContract,
  notify: notifyContract,
} satisfies Record<string, ModuleContract>;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;

export * from './action';
export * from './fields';
export * from './zod-zh';
export * from './user';
export * from './notice';
export * from './consultation';
export * from '../notify/contract';
