import { existsSync, rmSync } from 'node:fs';
import { cloudState, stopCloud } from './cloud';
import { stateFile } from './paths';

export default async function globalTeardown(): Promise<void> {
  const file = stateFile();
  if (!existsSync(file)) return;
  stopCloud(cloudState());
  rmSync(file, { force: true });
}
