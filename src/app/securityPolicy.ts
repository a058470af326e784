/**
 * The built page's Content-Security-Policy, set from script before anything else runs: only the
 * page's own origin (plus blob:/data: where Cesium needs them), and — only when the reader opted in
 * with `imagery=` — the origin of those map tiles. A <meta> policy can only be tightened once set,
 * so switching to online tiles later reloads the page with the parameter (see main.ts).
 */
import { imageryTemplate, readImagery } from './imagery';

declare const __FLIGHTRECON_CSP__: string;

/** The origin an imagery setting loads tiles from, or null for the offline map. */
export function tileOrigin(setting: string): string | null {
  const template = imageryTemplate(setting);
  if (!template) return null;
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/** The policy text with an extra origin allowed for images and fetches. */
export function policyWithTiles(policy: string, origin: string | null): string {
  if (!origin) return policy;
  return policy
    .split('; ')
    .map((d) => (d.startsWith('img-src ') || d.startsWith('connect-src ') ? `${d} ${origin}` : d))
    .join('; ');
}

let allowedTileOrigin: string | null = null;
let enforced = false;

/** Installs the policy (production builds only); returns whether one is in force. */
export function applySecurityPolicy(search: string): boolean {
  const policy = typeof __FLIGHTRECON_CSP__ === 'string' ? __FLIGHTRECON_CSP__ : '';
  if (!policy || enforced) return enforced;
  const wanted = new URLSearchParams(search).get('imagery');
  const reading = wanted === null ? null : readImagery(wanted);
  allowedTileOrigin = reading?.ok ? tileOrigin(reading.setting) : null;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policyWithTiles(policy, allowedTileOrigin);
  document.head.prepend(meta);
  enforced = true;
  return true;
}

/** Whether tiles for this setting may load under the policy in force. */
export function policyAllows(setting: string): boolean {
  const origin = tileOrigin(setting);
  return !enforced || origin === null || origin === allowedTileOrigin;
}
