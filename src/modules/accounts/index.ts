import type { ModuleManifest } from '../manifest.ts';
import { accountsRoutes } from './accounts.routes.ts';

export { roleGrants, users } from './accounts.tables.ts';
export { hashPassword } from './password.ts';
export { can, type Grant, type Place } from './policy.ts';
export { ACTIONS, type Action, ROLE_ACTIONS, ROLES, type Role, roleAllows } from './roles.ts';
export { loadSessionUser, SESSION_COOKIE } from './sessions.ts';

export const accountsModule: ModuleManifest = { name: 'accounts', routes: accountsRoutes };
