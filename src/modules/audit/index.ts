import type { ModuleManifest } from '../manifest.ts';
import { auditRoutes } from './audit.routes.ts';

export { auditEvents } from './audit.tables.ts';
export { type AuditActor, recordAudit } from './record-audit.ts';

export const auditModule: ModuleManifest = { name: 'audit', routes: auditRoutes };
