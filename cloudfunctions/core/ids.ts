import { randomBytes } from 'node:crypto';

/** A new document id: time-ordered prefix (sorts roughly by creation) plus randomness. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
}

export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}
