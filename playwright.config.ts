import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './tests/browser/launch.ts';

/**
 * Browser tests run against the built app (vite preview). They use the system Chromium when there
 * is one (CI installs Debian's), else Playwright's own browser (a contributor's laptop).
 */
// Parallel work on one machine: another port and another build folder keep runs apart.
const PORT = Number(process.env.FLIGHTRECON_TEST_PORT ?? 4173);
const DIST = process.env.FLIGHTRECON_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/output',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/report' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: launchOptions(),
    // The offline cache precaches ~10 MB; only the offline test (tests/browser/offline.spec.ts) lets it run.
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
