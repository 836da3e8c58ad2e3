import { writeFileSync } from 'node:fs';
import { ensureH5Build } from './build';
import { startCloud } from './cloud';
import { stateFile } from './paths';

export default async function globalSetup(): Promise<void> {
  ensureH5Build();
  const file = stateFile();
  // Test workers are started after this and inherit the variable.
  process.env.GONGZHI_E2E_STATE = file;
  const { state } = await startCloud();
  writeFileSync(file, JSON.stringify(state));
}
