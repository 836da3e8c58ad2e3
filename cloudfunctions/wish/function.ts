import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { claim, confirm, confirmByPhone, fulfil, release, review, withdraw } from './moves';
import { applyOrg, grantOrg, listOrgs, myOrg, revokeOrg } from './orgs';
import { correctPoints, leaderboard, myPoints } from './points';
import { get, manage, mine, myClaims, timeline, wall } from './reading';
import { proxySubmit, submit } from './submitting';

export const wishFunction = defineFunction('wish', contract.wish, {
  wall,
  get,
  timeline,
  submit,
  proxySubmit,
  withdraw,
  review,
  claim,
  release,
  fulfil,
  confirm,
  confirmByPhone,
  mine,
  myClaims,
  manage,
  myPoints,
  leaderboard,
  correctPoints,
  applyOrg,
  myOrg,
  listOrgs,
  grantOrg,
  revokeOrg,
});
