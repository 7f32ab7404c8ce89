import type { ModuleManifest } from '../manifest.ts';
import { scheduleAutoCloseJob } from './auto-close-job.ts';
import { requestFigureSet } from './figures.ts';
import { scheduleOverdueJob } from './overdue-job.ts';
import { requestsRoutes } from './requests.routes.ts';

export { type ClientFiling, fileFromClient } from './file-from-client.ts';
export { residentOfStation, stationCategories } from './file-request.ts';
export { isOpen, OPEN_STATUSES, STATUSES, type Status } from './lifecycle.ts';
export { requireManager, setCategoryHandler } from './manage-categories.ts';
export { photoRequired, readPhotoUpload, sendPhoto } from './photo-http.ts';
export { attachPhotos, photoBytes, storePhoto, uploadPhoto } from './photos.ts';
export { type Question, questionsOf } from './questions.ts';
export { ZPhotoQuery } from './requests.schema.ts';
export { categories, requestEvents, requests } from './requests.tables.ts';
export { categoryHandler, writeNewRequest } from './route-request.ts';

export const requestsModule: ModuleManifest = {
  name: 'requests',
  routes: requestsRoutes,
  jobs: async ({ boss, db }) => {
    await scheduleOverdueJob(boss, db);
    await scheduleAutoCloseJob(boss, db);
  },
  figures: { handling: requestFigureSet },
};
