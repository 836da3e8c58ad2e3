/**
 * The local cloud as `npm start` runs it, but serving a private snapshot of the H5 build (H5_DIR), so another
 * build of dist/h5 during the run cannot pull pages out from under the browser. Env: PORT, DATA_DIR, H5_DIR.
 */
import { join } from 'node:path';
import { FUNCTIONS } from '../../../cloudfunctions/modules';
import { localFileStorage } from '../../../cloudfunctions/core/files';
import { SqliteStore } from '../../../cloudfunctions/core/store/sqlite';
import { localRuntime } from '../../../local-cloud/runtime';
import { DEMO_ACCOUNTS, seedDemo } from '../../../local-cloud/seed';
import { createLocalCloud } from '../../../local-cloud/server';
import { loadSecret } from '../../../local-cloud/session';

async function main() {
  const dataDir = process.env.DATA_DIR as string;
  const store = new SqliteStore(join(dataDir, 'gongzhi.db'));
  await seedDemo(store);
  const server = createLocalCloud({
    runtime: localRuntime(store, { log: () => undefined, files: localFileStorage(join(dataDir, 'files')) }),
    functions: FUNCTIONS,
    secret: loadSecret(join(dataDir, 'secret')),
    filesDir: join(dataDir, 'files'),
    h5Dir: process.env.H5_DIR,
    demoAccounts: DEMO_ACCOUNTS.map(({ openid, label }) => ({ openid, label })),
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
  const stop = () => {
    server.close(() => {
      store.close();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
