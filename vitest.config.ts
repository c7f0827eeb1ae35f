import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  '@': root,
  // 'server-only' throws outside a React Server bundle; in tests the modules run on the server anyway.
  'server-only': path.join(root, 'db/test/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['{lib,db,scripts}/**/*.test.ts'], exclude: ['**/*.db.test.ts', 'node_modules/**'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          environment: 'node',
          include: ['{lib,db}/**/*.db.test.ts'],
          globalSetup: ['db/test/global-setup.ts'],
          setupFiles: ['db/test/setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
