import type { ModuleManifest } from '../manifest.ts';
import { approvalsRoutes } from './approvals.routes.ts';
import { crowdfundingRoutes } from './crowdfunding.routes.ts';
import { disclosureRoutes } from './disclosure.routes.ts';
import { fundRoutes } from './fund.routes.ts';
import { flowFigureSet } from './fund-figures.ts';
import { crowdfundingFigureSet, projectFigureSet } from './project-figures.ts';
import { scheduleEvaluationJob } from './project-jobs.ts';
import { projectWorkRoutes } from './project-work.routes.ts';
import { projectsRoutes } from './projects.routes.ts';

/** The self-governance fund and its projects 自治基金与项目 (DESIGN §3.5). */

export { seedCrowdfundingDemo } from './demo-crowdfunding.ts';
export { seedFundDemo } from './demo-fund.ts';
export { seedProjectsDemo } from './demo-projects.ts';
export { publishedHeadSeq, type Verification, verifyLedger } from './verify.ts';

export const fundModule: ModuleManifest = {
  name: 'fund',
  routes: async (app) => {
    await app.register(fundRoutes);
    await app.register(crowdfundingRoutes);
    await app.register(approvalsRoutes);
    await app.register(disclosureRoutes);
    await app.register(projectsRoutes);
    await app.register(projectWorkRoutes);
  },
  jobs: async ({ boss, db }) => {
    await scheduleEvaluationJob(boss, db);
  },
  // docs/figures-fund.md
  figures: { flows: flowFigureSet, projects: projectFigureSet, crowdfunding: crowdfundingFigureSet },
};
