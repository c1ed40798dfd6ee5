// Every query of the letters feature, by subject: the letters and their addressees, signing,
// the public pages, the organizer's signer table, deliveries. Callers import from here.
export { letterTally, tallyOrZero } from './shared';
export * from './letters';
export * from './signatures';
export * from './public-pages';
export * from './organizer';
export * from './deliveries';
export * from './official-actions';
export * from './search';
