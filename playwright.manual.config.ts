import base from './playwright.config.ts';
import { defineConfig } from '@playwright/test';

/** Slow checks a person runs on purpose (not in `npm test`): `npm run export:clip`. */
export default defineConfig({ ...base, testDir: 'tests/manual' });
