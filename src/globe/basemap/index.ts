export { addBasemap, type Basemap, type BasemapOptions } from './addBasemap.ts';
export type { BasemapLanguage } from './basemapLabels.ts';
