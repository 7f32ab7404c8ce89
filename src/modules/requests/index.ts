import type { ModuleManifest } from '../manifest.ts';
import { scheduleOverdueJob } from './overdue-job.ts';
import { requestsRoutes } from './requests.routes.ts';

export { categories, requestEvents, requests } from './requests.tables.ts';

export const requestsModule: ModuleManifest = {
  name: 'requests',
  routes: requestsRoutes,
  jobs: ({ boss, db }) => scheduleOverdueJob(boss, db),
};
