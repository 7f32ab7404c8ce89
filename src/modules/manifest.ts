import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../server/db/client.ts';
import type { Text } from '../server/http/errors.ts';
import type { Action } from './accounts/roles.ts';

/**
 * Where and when a module's figures are computed: one node of the tree and a period [from, to).
 * A station node (`stationId` set) takes the station's rows by `station_id`; an area node
 * (`stationId` null) takes every row whose `path` starts with the area's path.
 */
export interface FigureScope {
  stationId: number | null;
  path: string;
  from: Date;
  to: Date;
}

/**
 * One set of dashboard figures a module publishes. The dashboard lists these, checks
 * `can(user, action, node)` (404 otherwise), calls `compute` and shows the result; it never
 * computes a figure itself. The formulas are written down in `docs`.
 */
export interface FigureSet<T = unknown> {
  title: Text;
  /** The permission that lets a user see these figures at a node. */
  action: Action;
  /** The document (path in the repository) that states every formula. */
  docs: string;
  /** The shape of what `compute` returns (for the dashboard and the OpenAPI document). */
  schema: z.ZodType<T>;
  compute: (db: DbOrTx, scope: FigureScope) => Promise<T>;
}

/**
 * A module's only public face: what it registers. Routes are mounted under /api/v1.
 * Later modules add navigation entries here.
 */
export interface ModuleManifest {
  name: string;
  routes: FastifyPluginAsyncZod;
  /** Queues, schedules and workers of the module, started once pg-boss runs. */
  jobs?: (deps: { boss: PgBoss; db: Db }) => Promise<void>;
  /**
   * Routes mounted at the root instead of /api/v1, for protocols that fix their own paths (Open311's
   * /open311/...). They answer without a session and bring their own error format.
   */
  rootRoutes?: FastifyPluginAsyncZod;
  /** Dashboard figures by key; a dashboard names them `${module}.${key}` (e.g. `requests.handling`). */
  figures?: Record<string, FigureSet>;
}
