// Privacy's queries: the registry that finds and erases an address in every table, and the erasure records.
export * from './registry';
export * from './erasures';
export * from './rotation';
