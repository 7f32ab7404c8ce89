import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../server/db/client.ts';

/**
 * A module's only public face: what it registers. Routes are mounted under /api/v1.
 * Later modules add figures for dashboards and navigation entries here.
 */
export interface ModuleManifest {
  name: string;
  routes: FastifyPluginAsyncZod;
  /** Queues, schedules and workers of the module, started once pg-boss runs. */
  jobs?: (deps: { boss: PgBoss; db: Db }) => Promise<void>;
}
