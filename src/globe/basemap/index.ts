export { addBasemap, type Basemap, type BasemapOptions } from './addBasemap.ts';
export type { BasemapLanguage } from './basemapLabels.ts';
export { createGlobeDebug } from './basemapDebug.ts';
export { OnlineImagery } from './onlineImagery.ts';
