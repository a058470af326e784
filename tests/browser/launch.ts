/** Chromium launch options shared by the Playwright config and specs that need extra flags. */
import { existsSync } from 'node:fs';

/** The system Chromium (Debian's) when present, else Playwright's own browser. */
export const SYSTEM_CHROMIUM = process.env.FLIGHTRECON_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function launchOptions(extraArgs: readonly string[] = [], dropArgs: readonly string[] = []): { executablePath?: string; args: string[] } {
  return { executablePath: SYSTEM_CHROMIUM, args: [...CHROMIUM_ARGS.filter((a) => !dropArgs.includes(a)), ...extraArgs] };
}
