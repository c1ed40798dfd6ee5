import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes into the folder `wrangler d1 migrations apply` reads.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/schema.ts',
  out: './migrations',
  casing: 'snake_case',
});
