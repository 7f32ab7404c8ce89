import { accountsModule } from './accounts/index.ts';
import { auditModule } from './audit/index.ts';
import { deliberationModule } from './deliberation/index.ts';
import { fundModule } from './fund/index.ts';
import type { ModuleManifest } from './manifest.ts';
import { notificationsModule } from './notifications/index.ts';
import { open311Module } from './open311/index.ts';
import { peopleModule } from './people/index.ts';
import { placesModule } from './places/index.ts';
import { requestsModule } from './requests/index.ts';
import { stationsModule } from './stations/index.ts';

/** Every module of the app, in the order their routes are registered. */
export const MODULES: readonly ModuleManifest[] = [
  accountsModule,
  placesModule,
  peopleModule,
  auditModule,
  notificationsModule,
  requestsModule,
  open311Module,
  stationsModule,
  deliberationModule,
  fundModule,
];
