import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FigureSet } from '../manifest.ts';

export const fieldRoutes: FastifyPluginAsyncZod = async (_app) => {};

export const fieldFigures: Record<string, FigureSet> = {};
