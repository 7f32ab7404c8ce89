import type { ModuleManifest } from '../manifest.ts';
import { councilFigures, councilRoutes } from './council.routes.ts';
import { dutyFigures, dutyRoutes } from './duty.routes.ts';
import { dutyJobs } from './duty-reminders-job.ts';
import { fieldFigures, fieldRoutes } from './field.routes.ts';

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
