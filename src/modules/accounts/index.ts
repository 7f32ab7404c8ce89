import type { ModuleManifest } from '../manifest.ts';
import { accountsRoutes } from './accounts.routes.ts';

export { hashPassword } from './password.ts';
export { can, type Grant, type Place } from './policy.ts';
export { ACTIONS, ROLE_ACTIONS, ROLES, type Action, type Role } from './roles.ts';
export { loadSessionUser, SESSION_COOKIE } from './sessions.ts';
export { roleGrants, users } from './accounts.tables.ts';

export const accountsModule: ModuleManifest = { name: 'accounts', routes: accountsRoutes };
