import { contract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { defineFunction, type Handler } from '../core/router';

// Stubs until the handlers land: the contract comes first so the pages can be written against it.
const notYet: Handler<never> = async () => {
  throw new AppError('INTERNAL', '活动室预约即将开放');
};

export const roomFunction = defineFunction(
  'room',
  contract.room,
  Object.fromEntries(Object.keys(contract.room).map((name) => [name, notYet])) as never,
);
