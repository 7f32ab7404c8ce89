import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam } from '../../shared/limits.ts';
import { getHousehold } from '../people/residents.ts';
import { listChildren, listHouseholds } from './browse-places.ts';
import { createArea, createBuilding, createCompound, createHousehold, createUnit } from './create-places.ts';
import { presentHousehold } from './places.presenters.ts';
import {
  ZChildrenQuery,
  ZChildrenResponse,
  ZCompoundSearchQuery,
  ZCompoundSearchResponse,
  ZCreateAreaRequest,
  ZCreateBuildingRequest,
  ZCreateCompoundRequest,
  ZCreatedResponse,
  ZCreateHouseholdRequest,
  ZCreateUnitRequest,
  ZHouseholdDetail,
  ZHouseholdPage,
  ZHouseholdQuery,
} from './places.schema.ts';
import { searchCompounds } from './search-compounds.ts';

const tags = ['places'];

export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places/children',
    {
      schema: {
        tags,
        summary: 'Children of a place (roots when no parent is given)',
        querystring: ZChildrenQuery,
        response: { 200: ZChildrenResponse },
      },
    },
    async (req) => ({
      items: await listChildren(authed(req), req.query),
    }),
  );
  app.get(
    '/places/compounds',
    {
      schema: {
        tags,
        summary: 'Compounds by name, with where they are (for residents finding their home)',
        querystring: ZCompoundSearchQuery,
        response: { 200: ZCompoundSearchResponse },
      },
    },
    async (req) => ({ items: await searchCompounds(authed(req), req.query) }),
  );
  app.post(
    '/areas',
    {
      schema: {
        tags,
        summary: 'Create a city, district, street or community',
        body: ZCreateAreaRequest,
        response: { 201: ZCreatedResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createArea(authed(req), req.body) }),
  );
  app.post(
    '/compounds',
    {
      schema: {
        tags,
        summary: 'Create a compound (and its station unless joining one)',
        body: ZCreateCompoundRequest,
        response: { 201: ZCreatedResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createCompound(authed(req), req.body) }),
  );
  app.post(
    '/buildings',
    {
      schema: {
        tags,
        summary: 'Create a building',
        body: ZCreateBuildingRequest,
        response: { 201: ZCreatedResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createBuilding(authed(req), req.body) }),
  );
  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Create a unit',
        body: ZCreateUnitRequest,
        response: { 201: ZCreatedResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createUnit(authed(req), req.body) }),
  );
  app.post(
    '/households',
    {
      schema: {
        tags,
        summary: 'Create a household',
        body: ZCreateHouseholdRequest,
        response: { 201: ZCreatedResponse },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createHousehold(authed(req), req.body) }),
  );
  app.get(
    '/households',
    {
      schema: {
        tags,
        summary: 'Households under a station, compound, building or unit',
        querystring: ZHouseholdQuery,
        response: { 200: ZHouseholdPage },
      },
    },
    async (req) => listHouseholds(authed(req), req.query),
  );
  app.get(
    '/households/:id',
    {
      schema: {
        tags,
        summary: 'A household with its members',
        params: ZIdParam,
        response: { 200: ZHouseholdDetail },
      },
    },
    async (req) => {
      const { row, compoundName, members, abilities } = await getHousehold(authed(req), req.params.id);
      return {
        ...presentHousehold(row),
        room: row.room,
        stationId: row.stationId,
        compoundId: row.compoundId,
        buildingId: row.buildingId,
        unitId: row.unitId,
        compoundName,
        members,
        abilities,
      };
    },
  );
};
