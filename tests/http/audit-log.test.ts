/**
 * The audit log through the functions: what an audited write costs, and how readers show entries before and
 * after they are sealed into the chain.
 */
import { SEALING_WINDOW_MS } from '../../cloudfunctions/core/audit';
import type { Client, TestCloud } from '../support/cloud';
import { withCloud } from '../support/expect';
import { DAY_MS } from '@shared/time';

const T0 = Date.UTC(2026, 10, 24, 2, 0);
const XFL = 'c_xingfuli';

function lastRequest(cloud: TestCloud) {
  return cloud.requests[cloud.requests.length - 1];
}

describe('what an audited write costs', () => {
  const c = withCloud({ now: T0 });

  // The count is the action's own documents plus one audit entry: grantHost also writes the role-holder record
  // that lists the community's hosts, in the same transaction.
  const writes: [string, number, (staff: Client) => Promise<unknown>][] = [
    ['pin', 2, (staff) => staff.ok('notice', 'pin', { id: 'n_demo1', pinned: true })],
    ['updateCommunitySettings', 2, (staff) => staff.ok('user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 5 } } })],
    ['grantHost', 3, (staff) => staff.ok('user', 'grantHost', { communityId: XFL, userId: 'u_demo4' })],
  ];

  test.each(writes)('%s writes its own documents (%i writes with its audit entry) and no chain head', async (action, count, write) => {
    const cloud = c.cloud();
    const entries = await cloud.store.count('audit');
    await write(await cloud.login('demo-staff'));
    expect(lastRequest(cloud)).toMatchObject({ action, code: 'OK', writes: count });
    expect(await cloud.store.count('audit')).toBe(entries + 1);
    expect(await cloud.store.count('auditHeads')).toBe(0);
  });

  test('residents acting at the same moment each add one entry of their own', async () => {
    const cloud = c.cloud();
    const residents = await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'].map((o) => cloud.login(o)));
    const entries = await cloud.store.count('audit');
    const opinions = await Promise.all(
      residents.map((r, i) => r.ok('consultation', 'submitOpinion', { communityId: XFL, title: `路灯${i}`, description: '晚上太黑', category: '设施维修' })),
    );
    expect(await cloud.store.count('audit')).toBe(entries + opinions.length);
    expect(await cloud.store.count('auditHeads')).toBe(0);
  });
});

describe('the public timeline', () => {
  const c = withCloud({ now: T0 });

  test('shows a change at once, unsealed, without writing; read after the window it seals it in place', async () => {
    const cloud = c.cloud();
    const host = await cloud.login('demo-host');
    const created = await host.ok('consultation', 'create', { communityId: XFL, theme: '楼道照明', collectFrom: T0, collectTo: T0 + DAY_MS });
    const visitor = cloud.anonymous();

    const fresh = await visitor.ok('consultation', 'timeline', { id: created.id });
    expect(fresh.map((e) => [e.label, e.sealed, e.seq])).toEqual([['发起议事', false, 0]]);
    expect(lastRequest(cloud)).toMatchObject({ action: 'timeline', writes: 0 });

    cloud.setNow(T0 + SEALING_WINDOW_MS);
    const sealed = await visitor.ok('consultation', 'timeline', { id: created.id });
    expect(sealed.map((e) => [e.id, e.label, e.sealed])).toEqual([[fresh[0].id, '发起议事', true]]);
    expect(sealed[0].seq).toBeGreaterThan(0);
    expect(await cloud.store.get('auditHeads', XFL)).toMatchObject({ seq: sealed[0].seq });

    // Once sealed, reading again writes nothing.
    await visitor.ok('consultation', 'timeline', { id: created.id });
    expect(lastRequest(cloud)).toMatchObject({ action: 'timeline', writes: 0 });
  });
});
