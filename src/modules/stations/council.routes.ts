import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FigureSet } from '../manifest.ts';

export const councilRoutes: FastifyPluginAsyncZod = async (_app) => {};

export const councilFigures: Record<string, FigureSet> = {};
