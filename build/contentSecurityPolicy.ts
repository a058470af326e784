/**
 * The Content-Security-Policy of the built page (not of the dev server, whose HMR client needs
 * inline scripts). Only the page's own origin is allowed; blob: and data: where Cesium and the app
 * need them (workers, billboard images, video export). Source links still open: navigation is not
 * governed by connect-src.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  // lil-gui injects its stylesheet and Cesium sets inline styles.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Knockout (bundled by Cesium's widgets) finds the global object with `(0,eval)("this")`, which a CSP without 'unsafe-eval' forbids. */
const KNOCKOUT_GLOBAL_EVAL = /\(0,\s*eval\)\((["'`])this\1\)/g;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'flightrecon-csp',
    apply: 'build',
    transform(code, id) {
      if (!/knockout-[\d.]+\.js$/.test(id)) return null;
      const patched = code.replace(KNOCKOUT_GLOBAL_EVAL, 'globalThis');
      if (patched === code) this.warn('knockout: the global-eval pattern was not found; the CSP may block it');
      return { code: patched, map: null };
    },
    // The policy is installed by src/app/securityPolicy.ts, the first module to run, so that an
    // opted-in tile origin (imagery=…) can be added; nothing runs before it but same-origin modules.
    config: () => ({ define: { __FLIGHTRECON_CSP__: JSON.stringify(CONTENT_SECURITY_POLICY) } }),
  };
}
