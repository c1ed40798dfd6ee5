// Tables of this feature; re-exported by src/db/schema.ts.
export {};
