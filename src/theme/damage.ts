/**
 * How the damage event looks, shared by the three.js overlay and the DOM panels. Established
 * findings are solid red; claimed elements are violet and dashed/hatched, so the difference
 * survives without colour too.
 */
export const ESTABLISHED_CSS = '#ff4d4d';
export const CLAIMED_CSS = '#d68cff';
export const FLASH_CSS = '#fff4c8';
export const SMOKE_CSS = '#3a3f47';
export const HIT_MARK_CSS = '#2a0606';
/** The model's paint (AZAL: white with a blue tail). */
export const AIRFRAME_CSS = '#e9eef3';
export const WING_CSS = '#c3ccd6';
export const TAIL_CSS = '#2f6fb8';
