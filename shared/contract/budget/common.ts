import { z } from 'zod';
import type { Permission } from '../action';
import { id } from '../fields';

/** What most round actions name: the round, by `id`. */
export const roundTarget = { collection: 'budgetRounds', idField: 'id' } as const;
export const proposalTarget = { collection: 'budgetProposals', idField: 'id' } as const;
export const staffOfRound = { allow: ['staff'], community: 'target', target: roundTarget } as const satisfies Permission;
export const residentOfRound = { allow: ['resident'], community: 'target', target: roundTarget } as const satisfies Permission;
export const staffOfProposal = { allow: ['staff'], community: 'target', target: proposalTarget } as const satisfies Permission;
export const withRound = { id: id('本轮创享计划') };
export const withProposal = { id: id('提案') };

/** Whole yuan, with the field's name in every message. */
export function wholeYuan(label: string, max = 100_000_000) {
  return z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .int(`${label}须为整数（元）`)
    .min(1, `${label}至少1元`)
    .max(max, `${label}过大`);
}
