import type { PgBoss } from 'pg-boss';
import type { Db } from '../../server/db/client.ts';
import type { AuditActor } from '../audit/index.ts';
import type { ModuleManifest } from '../manifest.ts';
import { conventionsRoutes } from './conventions.routes.ts';
import { meetingsRoutes } from './meetings.routes.ts';
import { spaceRoutes } from './space.routes.ts';
import { topicsRoutes } from './topics.routes.ts';
import { votesRoutes } from './votes.routes.ts';
import { closeDueVotes } from './votes.ts';

/** Deliberation and decisions 议事协商 (DESIGN §3.4): topics, meetings, votes, conventions. */

export { seedConventionsDemo } from './demo-conventions.ts';
export { seedVotesDemo } from './demo-votes.ts';
export { meetings } from './meetings.tables.ts';
export { RecountFileError, recount } from './recount-file.ts';
export { TallyInputError } from './tally.ts';
export { topics } from './topics.tables.ts';
export { linkTopicOutcome } from './topics.ts';
export { recountFile } from './vote-records.ts';
export { votes } from './votes.tables.ts';

const CLOSE_QUEUE = 'deliberation-close-votes';
const JOB_ACTOR: AuditActor = { user: null, ip: '127.0.0.1', userAgent: `linshe job ${CLOSE_QUEUE}` };

/** Every minute: votes whose closing time has passed are counted and frozen. */
async function deliberationJobs({ boss, db }: { boss: PgBoss; db: Db }) {
  await boss.createQueue(CLOSE_QUEUE, { policy: 'singleton' });
  await boss.schedule(CLOSE_QUEUE, '* * * * *');
  await boss.work(CLOSE_QUEUE, async () => {
    await closeDueVotes(db, JOB_ACTOR);
  });
}

export const deliberationModule: ModuleManifest = {
  name: 'deliberation',
  routes: async (app) => {
    await app.register(topicsRoutes);
    await app.register(votesRoutes);
    await app.register(meetingsRoutes);
    await app.register(spaceRoutes);
    await app.register(conventionsRoutes);
  },
  jobs: deliberationJobs,
};
