/**
 * The audit log has no document the whole community shares: on the memory store, which has CloudBase's
 * snapshot-isolated transactions and write conflicts, a thousand residents writing at the same moment all
 * succeed, and once the sealing window has passed their entries link into one chain that verifies.
 */
import { OPINION_CATEGORIES } from '@shared/contract';
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import { sealAudit } from '../../cloudfunctions/core/audit-sealing';
import { startCloud, type TestCloud } from '../support/cloud';
import { crowd } from '../support/consultation';

const XFL = 'c_xingfuli';
const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startCloud({ store: 'memory', now: T0 });
}, 30_000);
afterAll(() => cloud.close());

test('1,000 residents of one community each send an opinion at once: all succeed, and the chain verifies after sealing', async () => {
  const staff = await cloud.login('demo-staff');
  const residents = await crowd(cloud, staff, 1000, 'thousand');
  const before = cloud.transactions.length;

  const answers = await Promise.all(
    residents.map((r, i) =>
      r.call('consultation', 'submitOpinion', { communityId: XFL, title: `第${i}号楼道灯`, description: '晚上太暗', category: OPINION_CATEGORIES[0] }),
    ),
  );
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  // No two of these transactions wrote a document in common, so none had to run again.
  expect(cloud.transactions.slice(before).filter((t) => t.runs > 1)).toEqual([]);

  cloud.setNow(T0 + SEALING_WINDOW_MS + 1);
  while ((await sealAudit(cloud.store, XFL, T0 + SEALING_WINDOW_MS + 1, { max: 500 })) > 0);
  const check = await staff.ok('user', 'verifyAuditChain', { communityId: XFL });
  expect(check).toMatchObject({ ok: true, brokenAt: null, unsealed: 0 });
  // The crowd's residency applications and reviews, the 1,000 opinions, and the demo street's own history.
  expect(check.checked).toBeGreaterThanOrEqual(3000);
}, 300_000);

