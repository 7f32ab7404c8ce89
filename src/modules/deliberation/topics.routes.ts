import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZStationParam } from '../../shared/limits.ts';
import { topicSubmission, ZSubmission } from './submission.ts';
import {
  ZMoveTopic,
  ZRaiseTopic,
  ZTopicDetail,
  ZTopicList,
  ZTopicParam,
  ZTopicQuery,
} from './topics.schema.ts';
import { TOPIC_STATUSES } from './topics.tables.ts';
import { getTopic, listTopics, moveTopic, raiseTopic, setSupportThreshold, supportTopic } from './topics.ts';

const tags = ['deliberation'];

export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/topics',
    {
      schema: {
        tags,
        summary: "A station's topics, newest first, with the support threshold that puts one on the agenda",
        params: ZStationParam,
        querystring: ZTopicQuery,
        response: { 200: ZTopicList },
      },
    },
    async (req) => listTopics(authed(req), req.params.stationId, req.query.status),
  );
  app.post(
    '/stations/:stationId/topics',
    {
      schema: {
        tags,
        summary: 'Raise a topic (residents; staff may name the source and the requests it grew from)',
        params: ZStationParam,
        body: ZRaiseTopic,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseTopic(authed(req), req.params.stationId, req.body)),
  );
  app.put(
    '/stations/:stationId/topic-settings',
    {
      schema: {
        tags,
        summary: 'Set how many supporters put a topic on the agenda',
        params: ZStationParam,
        body: z.object({ supportThreshold: z.number().int().min(1).max(10000) }),
        response: { 200: z.object({ supportThreshold: z.number() }) },
      },
    },
    async (req) => setSupportThreshold(authed(req), req.params.stationId, req.body.supportThreshold),
  );
  app.get(
    '/topics/:topicId',
    {
      schema: {
        tags,
        summary: 'A topic with the requests it grew from, its votes and what came of it',
        params: ZTopicParam,
        response: { 200: ZTopicDetail },
      },
    },
    async (req) => getTopic(authed(req), req.params.topicId),
  );
  app.post(
    '/topics/:topicId/support',
    {
      schema: {
        tags,
        summary: 'Support a topic (once per resident); the threshold puts it on the agenda',
        params: ZTopicParam,
        response: { 200: z.object({ supportCount: z.number(), status: z.enum(TOPIC_STATUSES) }) },
      },
    },
    async (req) => supportTopic(authed(req), req.params.topicId),
  );
  app.post(
    '/topics/:topicId/move',
    {
      schema: {
        tags,
        summary:
          'Move a topic: onto the agenda, into deliberation, decided (with what came of it) or declined (with why)',
        params: ZTopicParam,
        body: ZMoveTopic,
        response: { 200: z.object({ status: z.enum(TOPIC_STATUSES) }) },
      },
    },
    async (req) => moveTopic(authed(req), req.params.topicId, req.body),
  );
  app.get(
    '/topics/:topicId/submission',
    {
      schema: {
        tags,
        summary:
          'The formal submission of a topic for 人大代表联络站 / 政协: the topic, its meetings, minutes, resolutions, votes and action items',
        params: ZTopicParam,
        response: { 200: ZSubmission },
      },
    },
    async (req) => topicSubmission(authed(req), req.params.topicId),
  );
};
