// The queries of this feature.
export * from './campaigns';
