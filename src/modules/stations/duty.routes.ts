import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FigureSet } from '../manifest.ts';

export const dutyRoutes: FastifyPluginAsyncZod = async (_app) => {};

export const dutyFigures: Record<string, FigureSet> = {};
