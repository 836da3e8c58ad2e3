import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

export const ROOT = resolve(__dirname, '../../..');
/** The H5 build under test: dist/h5, or a build made elsewhere (E2E_H5_DIR, which is then never rebuilt). */
export function h5Dir(): string {
  return process.env.E2E_H5_DIR ? resolve(process.env.E2E_H5_DIR) : join(ROOT, 'dist/h5');
}
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');
/** Where globalSetup tells the test files (through GONGZHI_E2E_STATE) which port the cloud listens on. */
export function stateFile(): string {
  return process.env.GONGZHI_E2E_STATE ?? join(tmpdir(), `gongzhi-e2e-${process.pid}.json`);
}
