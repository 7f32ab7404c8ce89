import type { ModuleManifest } from '../manifest.ts';
import { councilFigures, councilRoutes } from './council.routes.ts';
import { dutyFigures, dutyRoutes } from './duty.routes.ts';
import { dutyJobs } from './duty-reminders-job.ts';
import { fieldFigures, fieldRoutes } from './field.routes.ts';

/** The demo install's station: council, duty desk and field work of 南江绿苑 (called by the demo seed). */
export { seedDuty } from './demo-duty.ts';
export { seedField } from './demo-field.ts';
export { seedStationsDemo } from './demo-stations.ts';
export { chinaDate } from './duty-time.ts';

export const stationsModule: ModuleManifest = {
  name: 'stations',
  routes: async (app) => {
    await app.register(councilRoutes);
    await app.register(dutyRoutes);
    await app.register(fieldRoutes);
  },
  jobs: dutyJobs,
  figures: { ...councilFigures, ...dutyFigures, ...fieldFigures },
};
