import type { ModuleManifest } from '../manifest.ts';
import { requestsRoutes } from './requests.routes.ts';

export { categories, requestEvents, requests } from './requests.tables.ts';

export const requestsModule: ModuleManifest = { name: 'requests', routes: requestsRoutes };
