/**
 * Every module's functions half, once. The local cloud serves these functions, the build bundles them, the
 * stores create their collections, and the privacy export and deletion visit each. Adding a module: its
 * folders, one line here, one in `shared/modules.ts`, and its subpackage in `miniprogram/src/app.config.ts`.
 */
import { budgetServerModule } from './budget/module';
import { consultationServerModule } from './consultation/module';
import type { ServerModule } from './core/module';
import type { CloudFunction } from './core/router';
import { cronFunction } from './cron/function';
import { dashboardServerModule } from './dashboard/module';
import { noticeServerModule } from './notice/module';
import { notifyServerModule } from './notify/module';
import { roomServerModule } from './room/module';
import { userServerModule } from './user/module';
import { wishServerModule } from './wish/module';

export const MODULES: readonly ServerModule[] = [userServerModule, noticeServerModule, consultationServerModule, notifyServerModule, budgetServerModule, wishServerModule, roomServerModule, dashboardServerModule];

/**
 * The platform's own functions, which belong to no module (their contracts: `PLATFORM_CONTRACTS` in
 * `shared/modules.ts`). The cron runs the jobs every module above declares.
 */
export const PLATFORM_FUNCTIONS = { cron: cronFunction(MODULES) } as const satisfies Record<string, CloudFunction>;

/** Every cloud function by name: each module's, then the platform's. */
export const FUNCTIONS: Readonly<Record<string, CloudFunction>> & typeof PLATFORM_FUNCTIONS = {
  ...Object.fromEntries(MODULES.map((m) => [m.shared.name, m.fn])),
  ...PLATFORM_FUNCTIONS,
};
