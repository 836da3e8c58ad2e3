import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { auditTrail, verifyAuditChain } from './audit-trail';
import { createCommunity, listCommunities, updateCommunitySettings } from './communities';
import { inbox, markInboxRead } from './inbox';
import { deleteMe, exportMyData } from './privacy';
import { me, updateProfile } from './profile';
import { applyResidency, countResidencyApplications, listResidencyApplications, reviewResidency } from './residency';
import { assignStaff, findUsers, grantHost, listMembers, listRoleHolders, removeStaff, revokeHost } from './roles';

export const userFunction = defineFunction('user', contract.user, {
  me,
  updateProfile,
  listCommunities,
  applyResidency,
  listResidencyApplications,
  reviewResidency,
  countResidencyApplications,
  listMembers,
  listRoleHolders,
  findUsers,
  grantHost,
  revokeHost,
  createCommunity,
  updateCommunitySettings,
  assignStaff,
  removeStaff,
  exportMyData,
  deleteMe,
  inbox,
  markInboxRead,
  auditTrail,
  verifyAuditChain,
});
