import { defineConfig } from 'drizzle-kit';

// Generation needs no database; migrations are applied by scripts/with-db.mjs (db/migrate.mjs).
export default defineConfig({
  schema: './db/schema/index.ts',
  out: './drizzle',
  dialect: 'postgresql',
  strict: true,
  verbose: true,
});
