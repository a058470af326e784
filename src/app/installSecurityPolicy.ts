/** Imported first by main.ts: puts the Content-Security-Policy in force before any other module runs. */
import { applySecurityPolicy } from './securityPolicy';

applySecurityPolicy(window.location.search);
