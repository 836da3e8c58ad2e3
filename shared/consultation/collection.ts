import { stepProblem, type ConsultationFacts } from './steps';

type Collection = Pick<ConsultationFacts, 'step' | 'state' | 'collectFrom' | 'collectTo' | 'collectionClosedAt'>;

/**
 * Why a resident cannot add an opinion to this consultation now; null when they can: at step 1, from the start of
 * its collection until the end, unless the host ended it early. The community's pool takes opinions at any time.
 */
export function collectingProblem(c: Collection, now: number): string | null {
  if (c.state !== 'active' || c.step !== 1 || c.collectionClosedAt !== null) return '该议事已不再收集意见，您可以把意见提交到意见池';
  if (now < c.collectFrom || now > c.collectTo) return '不在意见收集时间内';
  return null;
}

/** Why the host cannot end the collection early (with a reason); null when they can. */
export function earlyCloseProblem(c: Collection, now: number): string | null {
  const wrongStep = stepProblem(c, 1);
  if (wrongStep) return wrongStep;
  if (c.collectionClosedAt !== null) return '意见收集已经结束';
  if (now >= c.collectTo) return '收集期已过，无需提前结束';
  return null;
}
