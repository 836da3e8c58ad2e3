/**
 * Every module's functions half, once. The local cloud serves these functions, the build bundles them, the
 * stores create their collections, and the privacy export and deletion visit each. Adding a module: its
 * folders, one line here, one in `shared/modules.ts`, and its subpackage in `miniprogram/src/app.config.ts`.
 */
import { consultationServerModule } from './consultation/module';
import type { ServerModule } from './core/module';
import type { CloudFunction } from './core/router';
import { noticeServerModule } from './notice/module';
import { notifyServerModule } from './notify/module';
import { userServerModule } from './user/module';

export const MODULES: readonly ServerModule[] = [userServerModule, noticeServerModule, consultationServerModule, notifyServerModule];

/** Every cloud function by name. */
export const FUNCTIONS: Readonly<Record<string, CloudFunction>> = Object.fromEntries(MODULES.map((m) => [m.shared.name, m.fn]));
