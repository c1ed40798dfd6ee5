// The schema index drizzle-kit reads: every feature's tables, in one place.
export * from '../organizers/schema';
export * from '../email/schema';
export * from '../letters/schema';
export * from '../advocacy-days/schema';
export * from '../officials/schema';
export * from '../meetings/schema';
export * from '../bills/schema';
export * from '../privacy/schema';
