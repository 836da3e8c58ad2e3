// Every cloud function and its actions come from the module list; the client and the router are built from it.
export { contract, type Contract, type FunctionName } from '../modules';

export * from './action';
export * from './fields';
export * from './zod-zh';
export * from './user';
export * from './notice';
export * from './consultation';
export * from './budget';
export * from './cron';
export * from './wish';
export * from './room';
export * from './dashboard';
