// Syncs the built-in library (content/) into the database: run at every start by
// scripts/with-db.mjs, in production too. Idempotent; a changed article becomes a new version.
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { loadLibrary } from '@/lib/content/load';
import { syncLibrary } from '@/lib/content/sync';
import * as schema from './schema';

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const library = loadLibrary();
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    const report = await drizzle({ client: pool, schema }).transaction((tx) => syncLibrary(tx, library));
    console.info(
      `[content] ${library.articles.length} articles (${report.articleVersionsAdded} new versions), ${library.exercises.length} exercises (${report.exercisesUpserted} new or changed), ${library.templates.length} templates`,
    );
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[content] sync failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
