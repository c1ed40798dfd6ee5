// The officials feature's queries: the directory and the power map, and the import's database side.
export * from './officials';
export * from './import';
