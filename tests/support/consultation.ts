import type { ConsultationView } from '@shared/contract';
import type { Client, TestCloud } from './cloud';
import { DAY_MS } from '@shared/time';

export interface Cast {
  host: Client;
  staff: Client;
  residents: Client[];
}

export async function cast(cloud: TestCloud): Promise<Cast> {
  return {
    host: await cloud.login('demo-host'),
    staff: await cloud.login('demo-staff'),
    residents: await Promise.all(['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'].map((o) => cloud.login(o))),
  };
}

/** Verified residents of 幸福里 made on the fly, for crowds larger than the demo street. */
export async function crowd(cloud: TestCloud, staff: Client, size: number, prefix = 'crowd'): Promise<Client[]> {
  const people: Client[] = [];
  for (let i = 0; i < size; i++) {
    const person = await cloud.login(`${prefix}-${i}`);
    const me = await person.ok('user', 'applyResidency', { communityId: 'c_xingfuli', building: `${(i % 9) + 1}号楼`, unit: `${i}室` });
    await staff.ok('user', 'reviewResidency', { userId: me.id, approve: true });
    people.push(person);
  }
  return people;
}

/**
 * Walks a consultation from creation until it stands at the step named, the way a host would, and
 * returns it. At step 4 the notice is already published, so sign-ups are open. Options override the plan.
 */
export async function consultationAt(
  cloud: TestCloud,
  people: Cast,
  step: 1 | 2 | 3 | 4 | 5 | 6,
  plan: Partial<{ openSeats: number; rule: 'majority' | 'two_thirds' | 'consensus'; quorum: number; options: string[] }> = {},
): Promise<ConsultationView> {
  const { host, residents } = people;
  const now = Date.now();
  let c = await host.ok('consultation', 'create', { communityId: 'c_xingfuli', theme: '小区停车难怎么办', collectFrom: now - DAY_MS, collectTo: now + DAY_MS });
  if (step === 1) return c;
  const opinion = await residents[0].ok('consultation', 'submitOpinion', {
    communityId: 'c_xingfuli',
    consultationId: c.id,
    title: '晚上车位不够',
    description: '晚上八点以后很难找到车位，建议错峰共享附近单位车位。',
    category: '停车交通',
  });
  await host.ok('consultation', 'closeCollection', { id: c.id, reason: '意见已较集中' });
  c = await host.ok('consultation', 'advance', { id: c.id, fromStep: 1 });
  if (step === 2) return c;
  await host.ok('consultation', 'saveTopic', {
    id: c.id,
    title: '是否与邻近单位共享夜间车位',
    background: '小区车位300个，登记车辆420辆。',
    question: '是否签订夜间错峰停车协议？',
    adoptedOpinionIds: [opinion.id],
    adoptionReason: '附议最多，且可操作。',
  });
  c = await host.ok('consultation', 'advance', { id: c.id, fromStep: 2 });
  if (step === 3) return c;
  await host.ok('consultation', 'savePlan', {
    id: c.id,
    plan: {
      meetingAt: now + 5 * DAY_MS,
      place: '社区议事厅',
      invited: [{ role: '物业', count: 1 }],
      openSeats: plan.openSeats ?? 3,
      agenda: ['介绍背景', '自由发言', '表决'],
      rule: plan.rule ?? 'majority',
      quorum: plan.quorum ?? 2,
      options: plan.options ?? ['同意签订', '暂不签订'],
    },
  });
  await host.ok('consultation', 'advance', { id: c.id, fromStep: 3 });
  c = await host.ok('consultation', 'publishNotice', { id: c.id });
  if (step === 4) return c;
  c = await host.ok('consultation', 'advance', { id: c.id, fromStep: 4 });
  if (step === 5) return c;
  throw new Error('consultationAt: step 6 needs a meeting; drive it in the test');
}
