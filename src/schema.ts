// Every feature's tables in one place: the index drizzle-kit reads (drizzle.config.ts) and the tests'
// schema checks use. It sits at the top, beside app.ts, because it names every feature.
export * from './organizers/schema';
export * from './email/schema';
export * from './webhooks/schema';
export * from './letters/schema';
export * from './advocacy-days/schema';
export * from './officials/schema';
export * from './meetings/schema';
export * from './bills/schema';
export * from './privacy/schema';
export * from './people/schema';
export * from './campaigns/schema';
export * from './api/schema';
export * from './db/search-schema';
