// Every module's tables, gathered for Drizzle and drizzle-kit. Modules import each other's tables
// only through their own index files; this file exists for the ORM and migrations.
export * from '../../modules/accounts/accounts.tables.ts';
export * from '../../modules/audit/audit.tables.ts';
export * from '../../modules/deliberation/conventions.tables.ts';
export * from '../../modules/deliberation/meetings.tables.ts';
export * from '../../modules/deliberation/space.tables.ts';
export * from '../../modules/deliberation/topics.tables.ts';
export * from '../../modules/deliberation/votes.tables.ts';
export * from '../../modules/fund/crowdfunding.tables.ts';
export * from '../../modules/fund/fund.tables.ts';
export * from '../../modules/fund/projects.tables.ts';
export * from '../../modules/fund/rules.tables.ts';
export * from '../../modules/notifications/notifications.tables.ts';
export * from '../../modules/open311/open311.tables.ts';
export * from '../../modules/people/people.tables.ts';
export * from '../../modules/places/places.tables.ts';
export * from '../../modules/requests/requests.tables.ts';
export * from '../../modules/stations/council.tables.ts';
export * from '../../modules/stations/duty.tables.ts';
export * from '../../modules/stations/field.tables.ts';
