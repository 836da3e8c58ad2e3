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

/** A fresh seeded cloud for the enclosing describe block (its clock starts at `now` when given). */
export function withCloud(options: CloudOptions = {}): { cloud: () => TestCloud } {
  let cloud: TestCloud;
  beforeAll(async () => (cloud = await startCloud(options)));
  afterAll(() => cloud.close());
  return { cloud: () => cloud };
}
