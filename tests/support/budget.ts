import type { RoundView } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import type { Client, TestCloud } from './cloud';

/** A round's plan as staff fill it in; tests override what they need. */
export function roundPlan(now: number, overrides: Record<string, unknown> = {}) {
  return {
    communityId: 'c_xingfuli',
    name: '2026年幸福里创享计划',
    description: '社区微更新项目，由居民提出、居民投票。',
    budget: 100_000,
    projectCap: 50_000,
    categories: ['环境美化', '设施改善', '文体活动'],
    collectTo: now + 7 * DAY_MS,
    voteFrom: now + 14 * DAY_MS,
    voteTo: now + 21 * DAY_MS,
    ballotRule: { kind: 'approval', maxChoices: 3, minChoices: 1 },
    voterUnit: 'resident',
    selectionRule: 'mes',
    supportThreshold: 0,
    ...overrides,
  };
}

export const PROJECTS = [
  { title: '楼道加装扶手', category: '设施改善', cost: 30_000, location: '1至3号楼' },
  { title: '小广场健身角', category: '文体活动', cost: 50_000, location: '中心广场' },
  { title: '垃圾分类亭美化', category: '环境美化', cost: 20_000, location: '北门' },
  { title: '儿童游乐区改造', category: '设施改善', cost: 40_000, location: '5号楼南侧' },
];

/**
 * A round in voting with the four projects above, proposed by `proposer`, reviewed eligible by `staff`, and opened by
 * hand. Returns the round as staff see it.
 */
export async function roundInVoting(staff: Client, proposer: Client, overrides: Record<string, unknown> = {}): Promise<RoundView> {
  const now = Date.now();
  const round = await staff.ok('budget', 'createRound', roundPlan(now, { voteFrom: now + 14 * DAY_MS, ...overrides }));
  const proposals = [];
  for (const p of PROJECTS) proposals.push(await proposer.ok('budget', 'submitProposal', { id: round.id, ...p, description: `${p.title}，方便居民。` }));
  await staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'collect' });
  for (const p of proposals) await staff.ok('budget', 'reviewProposal', { id: p.id, verdict: 'eligible' });
  return staff.ok('budget', 'advanceRound', { id: round.id, fromPhase: 'review' });
}

/**
 * Verified residents of 幸福里 written straight into the store (a thousand sign-ups through the API would take
 * minutes), each then signed in over HTTP like anyone else. `address(i)` gives building and unit: distinct by default.
 */
export async function residents(cloud: TestCloud, count: number, prefix: string, address = (i: number) => ({ building: `${(i % 30) + 1}号楼`, unit: `${prefix}-${i}` })): Promise<Client[]> {
  const now = Date.now();
  const people: Client[] = [];
  for (let i = 0; i < count; i++) {
    const openid = `${prefix}-${i}`;
    const user: UserDoc = {
      _id: `u_${prefix.replace(/[^A-Za-z0-9]/g, '')}${i}`,
      openid,
      nickname: `居民${i}`,
      avatarFileId: null,
      residency: { communityId: 'c_xingfuli', ...address(i), status: 'approved', reason: null, appliedAt: now, reviewedAt: now },
      roles: [],
      admin: false,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await cloud.store.create('users', user);
    people.push(await cloud.login(openid));
  }
  return people;
}
