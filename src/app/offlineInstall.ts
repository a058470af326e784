/**
 * Registers the service worker of the production build (build/serviceWorker.ts), so that after one
 * visit the app opens without a network. Not in development, where files change under the worker.
 */
export async function installForOffline(): Promise<boolean> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href, { scope: './' });
    return true;
  } catch {
    // Private windows and file:// pages have no service workers; the app works online as before.
    return false;
  }
}
