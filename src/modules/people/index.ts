import type { ModuleManifest } from '../manifest.ts';
import { peopleRoutes } from './people.routes.ts';

export { resolveActingFor } from './acting-for.ts';
export { writeRoster } from './import-roster.ts';
export { maskPhone } from './people.presenters.ts';
export { householdMembers, residents, verificationClaims } from './people.tables.ts';
export { parseRoster, type RosterRow } from './roster-parse.ts';

export const peopleModule: ModuleManifest = { name: 'people', routes: peopleRoutes };
