import type { ModuleManifest } from '../manifest.ts';
import { georeportRoutes } from './georeport.routes.ts';
import { open311Routes } from './open311.routes.ts';

export { seedDemoKey } from './keys.ts';

/**
 * Open311 GeoReport v2 (docs/open311.md): the public endpoint under /open311 for outside systems
 * (12345 hotlines, city platforms), and the station admins' client keys under /api/v1.
 */
export const open311Module: ModuleManifest = {
  name: 'open311',
  routes: open311Routes,
  rootRoutes: georeportRoutes,
};
