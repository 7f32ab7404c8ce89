import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/**
 * Places: the administrative tree (city → district → street → community) and the property tree
 * (compound → building → unit → household). Every place has a `path` of ids from the root
 * ('/1/4/9/23/c7/b31/'), so "everything below a node" is a prefix match; permissions rely on it.
 * Stations own compounds and everything inside them; each such row carries `station_id`.
 */

export const areaLevel = pgEnum('area_level', ['city', 'district', 'street', 'community']);
export const stationKind = pgEnum('station_kind', ['service', 'mutualAid', 'team']);
export const stationStage = pgEnum('station_stage', ['preparing', 'operating', 'suspended']);

export const areas = pgTable(
  'places_areas',
  {
    id: id(),
    parentId: bigint('parent_id', { mode: 'number' }),
    level: areaLevel('level').notNull(),
    name: text('name').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('places_areas_path_uq').on(t.path),
    uniqueIndex('places_areas_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name),
    index('places_areas_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);

export const stations = pgTable(
  'places_stations',
  {
    id: id(),
    areaId: bigint('area_id', { mode: 'number' })
      .notNull()
      .references(() => areas.id),
    name: text('name').notNull(),
    kind: stationKind('kind').notNull().default('service'),
    stage: stationStage('stage').notNull().default('preparing'),
    /** The community's path plus `s{id}/`: where the station's own records sit in the tree. */
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('places_stations_area_name_uq').on(t.areaId, t.name),
    index('places_stations_path_prefix_idx').using('btree', sql`${t.path} text_pattern_ops`),
  ],
);

export const compounds = pgTable(
  'places_compounds',
  {
    id: id(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    areaId: bigint('area_id', { mode: 'number' })
      .notNull()
      .references(() => areas.id),
    name: text('name').notNull(),
    address: text('address'),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('places_compounds_area_name_uq').on(t.areaId, t.name),
    index('places_compounds_station_idx').on(t.stationId),
  ],
);

export const buildings = pgTable(
  'places_buildings',
  {
    id: id(),
    stationId: stationId(),
    compoundId: bigint('compound_id', { mode: 'number' })
      .notNull()
      .references(() => compounds.id),
    name: text('name').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
    path: text('path').notNull(),
  },
  (t) => [
    uniqueIndex('places_buildings_compound_name_uq').on(t.compoundId, t.name),
    index('places_buildings_station_idx').on(t.stationId),
  ],
);

export const units = pgTable(
  'places_units',
  {
    id: id(),
    stationId: stationId(),
    buildingId: bigint('building_id', { mode: 'number' })
      .notNull()
      .references(() => buildings.id),
    name: text('name').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
    path: text('path').notNull(),
  },
  (t) => [
    uniqueIndex('places_units_building_name_uq').on(t.buildingId, t.name),
    index('places_units_station_idx').on(t.stationId),
  ],
);

export const households = pgTable(
  'places_households',
  {
    id: id(),
    stationId: stationId(),
    compoundId: bigint('compound_id', { mode: 'number' }).notNull(),
    buildingId: bigint('building_id', { mode: 'number' }).notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => units.id),
    room: text('room').notNull(),
    /** Exclusive floor area 专有面积 in centi-square-metres (exact; 89.35 m² = 8935). */
    areaCm2: integer('area_cm2').notNull().default(0),
    /** Display label, e.g. "3幢1单元502", kept with the row so list pages need no joins. */
    label: text('label').notNull(),
    /** Sort key: building, unit, room ordering within the compound. */
    sortKey: text('sort_key').notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('places_households_unit_room_uq').on(t.unitId, t.room),
    // places_households_list_idx (compound_id, sort_key, id) INCLUDE (label, area_cm2) is made in
    // migration 0001 by hand (Drizzle cannot say INCLUDE): the list page is answered from the index alone.
    index('places_households_station_sort_idx').on(t.stationId, t.sortKey, t.id),
    index('places_households_building_idx').on(t.buildingId),
  ],
);
