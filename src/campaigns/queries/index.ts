// The queries of this feature.
export * from './campaigns';
export * from './records';
export * from './updates';
