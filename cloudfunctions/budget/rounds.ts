import type { budgetContract, RoundTimelineEntry } from '@shared/contract';
import { budgetSettingsOf } from '@shared/budget/module';
import { ballotRuleText, yuan } from '@shared/budget/ballot';
import { VOTER_UNIT_LABELS } from '@shared/budget/voter-unit';
import { formatShanghai } from '@shared/time';
import { datesProblems, nextPhase, phaseName, phaseProblem, type Phase } from '@shared/budget/phases';
import { projectCost } from '@shared/budget/proposals';
import { BUDGET_AUDIT_LABELS, PRIVATE_BUDGET_ACTIONS } from '@shared/budget/timeline';
import { votingOpened } from '@shared/budget/notifications';
import { AppError } from '@shared/errors';
import { NEW_IMPLEMENTATION } from '@shared/budget/implementation';
import type { AuditDoc } from '../core/audit';
import { sealWhatIsDue } from '../core/audit-sealing';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import { publishNotice } from '../notice/publishing';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import { roundView } from './access';
import { changeRound } from './changes';
import { requireRound, untouchedRound, roundSummary, type ProposalDoc, type RoundDoc } from './records';

type C = typeof budgetContract;

export const createRound: Handler<C['createRound']> = async (input, ctx) => {
  const community = await getCommunity(ctx.store, input.communityId);
  const problems = datesProblems(input);
  if (Object.keys(problems).length) throw new AppError('VALIDATION', Object.values(problems)[0], problems);
  const defaults = budgetSettingsOf(community);
  const { communityId, ...plan } = input;
  const round: RoundDoc = {
    _id: newId('br'),
    communityId,
    communityName: community.name,
    ...plan,
    voterUnit: plan.voterUnit ?? defaults.voterUnit,
    selectionRule: plan.selectionRule ?? defaults.selectionRule,
    ...untouchedRound(),
    createdBy: ctx.caller.user!._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('budgetRounds', round);
    await ctx.audit(tx, { communityId, action: 'budget.createRound', targetType: 'budgetRound', targetId: round._id, before: null, after: { phase: 'collect', name: round.name, budget: round.budget } });
  });
  return roundView(ctx, round);
};

export const updateRound: Handler<C['updateRound']> = async (input, ctx) => {
  const r = ctx.target;
  const problem = phaseProblem(r.phase, 'collect', 'review');
  if (problem) throw new AppError('INVALID_STATE', '投票开始后不能再修改本轮设置');
  const { id, ...changes } = input;
  void id;
  const merged = { ...r, ...changes };
  const problems = datesProblems(merged);
  if (merged.projectCap > merged.budget) problems.projectCap = '单个项目上限不能超过总预算';
  if (Object.keys(problems).length) throw new AppError('VALIDATION', Object.values(problems)[0], problems);
  const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (!Object.keys(patch).length) return roundView(ctx, r);
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, r[k as keyof RoundDoc]]));
  const next = await changeRound(ctx, r, patch, { action: 'updateRound', before, after: patch });
  return roundView(ctx, next);
};

export const listRounds: Handler<C['listRounds']> = async (input, ctx) => {
  const where = { ...(input.communityId ? { communityId: input.communityId } : {}), ...(input.phase ? { phase: input.phase } : {}) };
  const page = await ctx.store.query<RoundDoc>('budgetRounds', { where, orderBy: [['updatedAt', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(roundSummary), nextCursor: page.nextCursor };
};

export const getRound: Handler<C['getRound']> = async (input, ctx) => roundView(ctx, await requireRound(ctx.store, input.id));

/** What must be true before a round leaves `phase`; the refusal names what is missing. */
async function leaveProblem(ctx: HandlerContext, r: RoundDoc): Promise<string | null> {
  if (r.imported) return '导入的测试轮次不能改变阶段';
  switch (r.phase) {
    case 'review': {
      const waiting = await ctx.store.count('budgetProposals', { roundId: r._id, status: 'submitted' });
      if (waiting) return `还有${waiting}个提案没有审核`;
      const eligible = await ctx.store.count('budgetProposals', { roundId: r._id, status: 'eligible' });
      return eligible ? null : '没有通过审核的提案，不能开始投票';
    }
    case 'results':
      return r.results ? null : '请先计票并发布结果公示';
    case 'done':
      return '本轮已经完成';
    default:
      return null;
  }
}

/** The eligible proposals as they go on the ballot: at their reviewed cost, earliest submitted first (the last tie-break). */
async function ballotProjectsOf(ctx: HandlerContext, roundId: string) {
  const eligible = await queryAll<ProposalDoc>(ctx.store, 'budgetProposals', { where: { roundId, status: 'eligible' }, orderBy: [['createdAt', 'asc']] });
  return eligible.map((p) => ({ id: p._id, title: p.title, description: p.description, category: p.category, location: p.location, cost: projectCost(p), photos: p.photos }));
}

function votingNoticeText(r: RoundDoc): string {
  return [
    `【本轮】${r.name}：总预算${yuan(r.budget)}，${VOTER_UNIT_LABELS[r.voterUnit]}`,
    `【投票时间】即日起至${formatShanghai(r.voteTo)}`,
    `【怎么投】${ballotRuleText(r.ballotRule, r.budget)}；建议至少选3项，选票提交后不能更改`,
    `【候选项目】${r.ballotProjects.map((p) => `${p.title}（${yuan(p.cost)}）`).join('；')}`,
    '请在小程序“创享计划”中投票。',
  ].join('\n');
}

/** Everyone who proposed or 附议'd in the round: they hear that voting opened. */
async function interested(ctx: HandlerContext, roundId: string): Promise<string[]> {
  const proposals = await queryAll<ProposalDoc>(ctx.store, 'budgetProposals', { where: { roundId }, orderBy: [['createdAt', 'asc']] });
  const supporters = await queryAll<{ _id: string; userId: string }>(ctx.store, 'budgetSupports', { where: { roundId } });
  return [...proposals.flatMap((p) => (p.proposerId ? [p.proposerId] : [])), ...supporters.map((s) => s.userId)];
}

/**
 * Moves a round on by one phase: by staff (`advanceRound`) or by the cron on the round's dates. Opening the vote fixes
 * the ballot; closing it records when (the count waits a minute, `COUNT_SETTLE_MS`); starting 实施 starts tracking
 * each winner.
 */
export async function moveRound(ctx: HandlerContext, r: RoundDoc, note: string | null): Promise<RoundDoc> {
  const problem = await leaveProblem(ctx, r);
  if (problem) throw new AppError('INVALID_STATE', problem);
  const to = nextPhase(r.phase) as Phase;
  const patch: Record<string, unknown> = { phase: to };
  let action = 'advanceRound';
  if (to === 'voting') {
    action = 'openVoting';
    patch.ballotProjects = await ballotProjectsOf(ctx, r._id);
    patch.voteFrom = Math.min(r.voteFrom, ctx.now);
    if (r.voteTo <= ctx.now) throw new AppError('INVALID_STATE', '投票截止时间已过，请先修改投票截止时间');
  }
  if (to === 'results') {
    action = 'closeVoting';
    patch.closedAt = Math.min(ctx.now, r.voteTo);
  }
  const recipients = to === 'voting' ? await interested(ctx, r._id) : [];
  const community = to === 'voting' ? await getCommunity(ctx.store, r.communityId) : null;
  return changeRound(ctx, r, patch, { action, note, after: { phase: to } }, {
    also: async (tx, next) => {
      if (to === 'voting') {
        // Everyone in the community sees it on the home feed; those who took part are told directly.
        await publishNotice(ctx, tx, community!, { category: '创享计划', title: `【创享计划投票】${r.name}`, body: votingNoticeText(next), source: { module: 'budget', id: r._id } });
        await notify(ctx, tx, votingOpened.with({ communityId: r.communityId, roundId: r._id, roundName: r.name }), recipients);
      }
      if (to === 'implementation') {
        for (const id of next.results!.winners) await tx.update('budgetProposals', id, { implementation: { ...NEW_IMPLEMENTATION }, updatedAt: ctx.now });
      }
    },
  });
}

export const advanceRound: Handler<C['advanceRound']> = async (input, ctx) => {
  const r = ctx.target;
  if (r.phase !== input.fromPhase) throw new AppError('INVALID_STATE', `本轮当前在「${phaseName(r.phase)}」阶段，请刷新后再操作`);
  return roundView(ctx, await moveRound(ctx, r, input.note || null));
};

/** The round's public timeline, from the audit log; actions about one resident stay in the audit trail. */
export const roundTimeline: Handler<C['roundTimeline']> = async (input, ctx) => {
  await requireRound(ctx.store, input.id);
  const read = () => queryAll<AuditDoc>(ctx.store, 'audit', { where: { targetId: input.id }, orderBy: [['_id', 'asc']] });
  let entries = await read();
  if (await sealWhatIsDue(ctx.store, entries, ctx.now)) entries = await read();
  return entries.filter((e) => !PRIVATE_BUDGET_ACTIONS.has(e.action)).map(timelineEntry);
};

function timelineEntry(e: AuditDoc): RoundTimelineEntry {
  const after = e.after as { phase?: Phase } | null;
  const label = BUDGET_AUDIT_LABELS[e.action] ?? e.action;
  return {
    id: e._id,
    at: e.at,
    actorRole: e.actorRole,
    action: e.action,
    label: e.action === 'budget.advanceRound' && after?.phase ? `进入「${phaseName(after.phase)}」阶段` : label,
    note: e.note,
  };
}
