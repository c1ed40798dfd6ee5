// Every query of the bills feature: reads (bills, history, movements, counts) and the writes of
// imports, organizer actions, updates and stage overrides. Callers import from here.
export * from './reads';
export * from './writes';
export * from './official-actions';
