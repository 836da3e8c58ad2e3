import { countRound } from '@shared/budget/results';
import { NEW_IMPLEMENTATION } from '@shared/budget/implementation';
import { DAY_MS } from '@shared/time';
import { ballotId, markerId, NO_RATINGS, untouchedRound, type BallotDoc, type ProposalDoc, type RoundDoc, type VoterMarkerDoc } from '../cloudfunctions/budget/records';
import type { Store } from '../cloudfunctions/core/store/port';

/** The same "random" ballots every time, so the demo's results never change. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function receipts(count: number, random: () => number): string[] {
  const made = new Set<string>();
  while (made.size < count) made.add(Array.from({ length: 8 }, () => RECEIPT_ALPHABET[Math.floor(random() * RECEIPT_ALPHABET.length)]).join(''));
  return [...made];
}

const PLAN = { communityId: 'c_xingfuli', communityName: '幸福里社区', projectCap: 50_000, supportThreshold: 0, ballotRule: { kind: 'approval' as const, maxChoices: 3, minChoices: 1 }, voterUnit: 'resident' as const, selectionRule: 'mes' as const };

function proposal(roundId: string, i: number, p: { title: string; category: string; cost: number; location: string; description: string }, now: number, proposer: [string | null, string]): ProposalDoc {
  return {
    _id: `${roundId}_p${i}`,
    roundId,
    communityId: 'c_xingfuli',
    ...p,
    photos: [],
    adjustedCost: null,
    proposerId: proposer[0],
    proposerName: proposer[1],
    onBehalf: proposer[0] ? null : 'organisation',
    enteredBy: proposer[0] ? null : 'u_demo1',
    supportCount: 3 + i,
    status: 'eligible',
    reviewReason: null,
    mergedInto: null,
    implementation: null,
    ratingCounts: { ...NO_RATINGS },
    createdAt: now + i,
    updatedAt: now + i,
  };
}

function round(id: string, name: string, budget: number, categories: string[], now: number, over: Partial<RoundDoc>): RoundDoc {
  return {
    _id: id,
    ...PLAN,
    name,
    description: '由居民提出、居民投票决定的社区微更新项目。',
    budget,
    categories,
    collectTo: now - 20 * DAY_MS,
    voteFrom: now - 2 * DAY_MS,
    voteTo: now + 5 * DAY_MS,
    ...untouchedRound(),
    phase: 'voting',
    createdBy: 'u_demo1',
    createdAt: now - 30 * DAY_MS,
    updatedAt: now,
    ...over,
  };
}

/** Writes anonymous ballots and their voters' markers (demo voters with no account). */
async function vote(store: Store, roundId: string, ballots: string[][], random: () => number, at: number): Promise<BallotDoc[]> {
  const codes = receipts(ballots.length, random);
  const docs = ballots.map((projects, i): BallotDoc => ({ _id: ballotId(roundId, codes[i]), roundId, receipt: codes[i], projects: [...projects].sort(), method: i % 10 === 9 ? 'paper' : 'online' }));
  for (const [i, b] of docs.entries()) {
    await store.create('budgetBallots', b);
    const marker: VoterMarkerDoc = { _id: markerId(roundId, `r-seed${i}`), roundId, communityId: 'c_xingfuli', userId: null, method: b.method, at };
    await store.create('budgetVoters', marker);
  }
  return docs;
}

/**
 * The demo street's 创享计划: a round of 幸福里 in voting (the demo residents have not voted yet) and last year's
 * round counted and being carried out, where the Method of Equal Shares and greedy pick differently.
 */
export async function seedBudgetDemo(store: Store, now: number): Promise<void> {
  const random = lcg(2026);

  // Voting now: four projects, 36 ballots cast by neighbours not in the demo accounts.
  const open = round('br_demo_voting', '2026年幸福里创享计划', 100_000, ['设施改善', '文体活动', '环境美化'], now, {});
  const openProjects = [
    { title: '楼道加装扶手', category: '设施改善', cost: 30_000, location: '1至3号楼', description: '老人上下楼没有扶手，雨天容易滑倒。' },
    { title: '小广场健身角', category: '文体活动', cost: 45_000, location: '中心广场', description: '添置几件适合老人和孩子的健身器材。' },
    { title: '垃圾分类亭美化', category: '环境美化', cost: 15_000, location: '北门', description: '给分类亭加顶棚和洗手池。' },
    { title: '楼前休息长椅', category: '设施改善', cost: 12_000, location: '5号楼南侧', description: '在楼前树荫下放几张长椅。' },
  ].map((p, i) => proposal(open._id, i, p, now - 25 * DAY_MS, i === 3 ? [null, '幸福里银龄志愿服务队'] : [`u_demo${4 + i}`, ['张阿姨', '刘大爷', '陈女士'][i]]));
  open.ballotProjects = openProjects.map((p) => ({ id: p._id, title: p.title, description: p.description, category: p.category, location: p.location, cost: p.cost, photos: [] }));
  open.proposalCount = openProjects.length;
  await store.create('budgetRounds', open);
  for (const p of openProjects) await store.create('budgetProposals', p);
  await vote(store, open._id, Array.from({ length: 36 }, () => open.ballotProjects.filter(() => random() < 0.45).map((p) => p.id)).map((b) => (b.length ? b : [open.ballotProjects[0].id])), random, now - DAY_MS);

  // Last year: counted, being carried out. Most voters want the big square; a third want the two small projects.
  const doneAt = now - 200 * DAY_MS;
  const last = round('br_demo_2025', '2025年幸福里创享计划', 80_000, ['设施改善', '文体活动', '为老助残'], doneAt, { phase: 'implementation', voteFrom: doneAt - 7 * DAY_MS, voteTo: doneAt, closedAt: doneAt });
  const lastProjects = [
    { title: '中心广场翻新', category: '文体活动', cost: 60_000, location: '中心广场', description: '更换破损地砖，增加绿化。' },
    { title: '助老食堂桌椅', category: '为老助残', cost: 20_000, location: '社区食堂', description: '换成带扶手的桌椅。' },
    { title: '楼道声控灯', category: '设施改善', cost: 15_000, location: '全部楼道', description: '更换坏掉的楼道灯为声控灯。' },
    { title: '儿童阅读角', category: '文体活动', cost: 10_000, location: '党群服务中心', description: '书架、坐垫和绘本。' },
  ].map((p, i) => proposal(last._id, i, p, doneAt - 30 * DAY_MS, [`u_demo${4 + (i % 4)}`, ['张阿姨', '刘大爷', '陈女士', '赵先生'][i % 4]]));
  last.ballotProjects = lastProjects.map((p) => ({ id: p._id, title: p.title, description: p.description, category: p.category, location: p.location, cost: p.cost, photos: [] }));
  last.proposalCount = lastProjects.length;
  const [square, canteen, lights, books] = last.ballotProjects.map((p) => p.id);
  const lastBallots = [...Array(26).fill([square]), ...Array(6).fill([square, lights]), ...Array(14).fill([canteen, lights]), ...Array(8).fill([canteen, books]), ...Array(6).fill([books])] as string[][];
  const docs = await vote(store, last._id, lastBallots, random, doneAt - DAY_MS);
  last.results = countRound({ budget: last.budget, rule: 'mes', projects: last.ballotProjects, ballots: docs.map((d) => d.projects), paperBallots: docs.filter((d) => d.method === 'paper').length, closedAt: doneAt, countedAt: doneAt + 60_000 });
  await store.create('budgetRounds', last);
  const progress = [100, 60, 30];
  for (const p of lastProjects) {
    const w = last.results.winners.indexOf(p._id);
    if (w >= 0) {
      const pct = progress[w] ?? 0;
      p.implementation = { ...NEW_IMPLEMENTATION, status: pct >= 100 ? 'done' : 'in_progress', progress: pct, spent: Math.round((p.cost * pct) / 100), doneAt: pct >= 100 ? now - 30 * DAY_MS : null, milestones: [{ title: '采购', due: doneAt + 30 * DAY_MS, done: true }, { title: '完工', due: doneAt + 90 * DAY_MS, done: pct >= 100 }] };
      if (pct >= 100) p.ratingCounts = { satisfied: 9, basic: 2, dissatisfied: 1 };
    }
    await store.create('budgetProposals', p);
  }
}
