import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * A module's only public face: what it registers. Routes are mounted under /api/v1.
 * Later modules add jobs, figures for dashboards and navigation entries here.
 */
export interface ModuleManifest {
  name: string;
  routes: FastifyPluginAsyncZod;
}
