import type { Envelope, ErrorCode } from '@shared/errors';
import { startCloud, type CloudOptions, type TestCloud } from './cloud';

/** Asserts an error envelope with `code` and hands back its message and fields. */
export function expectError(res: Envelope<unknown>, code: ErrorCode): { message: string; fields?: Record<string, string> } {
  expect(res).toMatchObject({ ok: false, error: { code } });
  return (res as { ok: false; error: { message: string; fields?: Record<string, string> } }).error;
}

/** Runs a request that must be refused with `code`, and checks that the database did not change. */
export async function refusedUnchanged(cloud: TestCloud, code: ErrorCode, request: () => Promise<Envelope<unknown>>) {
  const before = cloud.snapshot();
  const error = expectError(await request(), code);
  expect(cloud.snapshot()).toBe(before);
  return error;
}

/** What a request came to, for a permission matrix: OK, or the error's code. */
export const outcome = (res: Envelope<unknown>): string => (res.ok ? 'OK' : res.error.code);

/**
 * One cell of a module's permission matrix (`<action> as <role>`): a caller the action denies gets FORBIDDEN and the
 * database does not change; one it allows gets OK. The cell's name travels with the answer, so a failure says which.
 */
export async function expectMatrixCell(cloud: TestCloud, cell: string, expected: 'allow' | 'deny', request: () => Promise<Envelope<unknown>>): Promise<void> {
  const before = cloud.snapshot();
  const got = outcome(await request());
  if (expected === 'deny') {
    expect({ cell, got }).toEqual({ cell, got: 'FORBIDDEN' });
    expect(cloud.snapshot()).toBe(before);
  } else {
    expect({ cell, got }).toEqual({ cell, got: 'OK' });
  }
}

/** A fresh seeded cloud for the enclosing describe block (its clock starts at `now` when given). */
export function withCloud(options: CloudOptions = {}): { cloud: () => TestCloud } {
  let cloud: TestCloud;
  beforeAll(async () => (cloud = await startCloud(options)));
  afterAll(() => cloud.close());
  return { cloud: () => cloud };
}
