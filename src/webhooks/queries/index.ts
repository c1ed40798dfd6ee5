export * from './events';
export * from './endpoints';
export * from './deliveries';
