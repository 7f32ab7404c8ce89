import type { ModuleManifest } from '../manifest.ts';
import { placesRoutes } from './places.routes.ts';

export {
  insertArea,
  insertBuilding,
  insertCompound,
  insertHousehold,
  insertStation,
  insertUnit,
} from './create-places.ts';
export { findPlace, locatePlace, stationPlace } from './find-place.ts';
export { areas, buildings, compounds, households, stations, units } from './places.tables.ts';

export const placesModule: ModuleManifest = { name: 'places', routes: placesRoutes };
