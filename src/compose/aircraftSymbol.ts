/**
 * How big the aircraft is on screen. The overlay never draws it smaller than a symbol of
 * MIN_SYMBOL_PX; labels keep clear of that box. Pure.
 */

/** Overall length of the Embraer E190 (published figure, metres): the model is grown from it. */
export const E190_LENGTH_M = 36.2;

/** The aircraft never gets smaller on screen than this (it becomes a symbol). */
export const MIN_SYMBOL_PX = 46;

/** Screen pixels per metre at a distance, for a vertical field of view and a view height in CSS px. */
export function pixelsPerMetre(distanceM: number, fovyRad: number, viewHeightPx: number): number {
  return viewHeightPx / (2 * Math.max(distanceM, 1) * Math.tan(fovyRad / 2));
}

/** The factor the model is grown by so that an object `lengthM` long is at least MIN_SYMBOL_PX on screen. */
export function symbolScale(lengthM: number, pxPerM: number): number {
  return Math.max(1, MIN_SYMBOL_PX / (lengthM * pxPerM));
}
