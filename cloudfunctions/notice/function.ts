import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { create, getManaged, listManaged, pin, publish, unpublish, update } from './editing';
import { get, list } from './reading';

export const noticeFunction = defineFunction('notice', contract.notice, {
  list,
  get,
  create,
  update,
  publish,
  unpublish,
  pin,
  getManaged,
  listManaged,
});
