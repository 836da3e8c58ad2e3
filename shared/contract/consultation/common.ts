import type { Permission } from '../action';
import { id, text } from '../fields';

/** What most consultation actions name: the consultation, by `id`. */
export const consultationTarget = { collection: 'consultations', idField: 'id' } as const;
/** The consultation's host, or staff of its community. */
export const hostOrStaff = { allow: ['staff'], community: 'target', target: consultationTarget, owner: 'hostId' } as const satisfies Permission;
export const residentOfIt = { allow: ['resident'], community: 'target', target: consultationTarget } as const satisfies Permission;
export const withId = { id: id('议事') };
export const reason = text('理由', { max: 200 });
