// The web app's build (web/dist, served by the front door, deploy/nginx/) and its unit tests (src/**/*.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every asset is a file of its own: the front door's CSP allows no data: URLs.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Dates are written for one zone, so the tests read the same anywhere.
    env: { TZ: 'UTC' },
  },
});
